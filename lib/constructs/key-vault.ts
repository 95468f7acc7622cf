import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alias, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { FINGERPRINT_KEY, type KmsKeyDefinition, VAULT_KEY } from '../definitions/kms-keys.js';
import type { ServiceSettings } from '../definitions/settings.js';

export interface KeyVaultProps {
  /** Its `hostedKeySecretName` names the hosted-key secret, `vaultPrefix` the workspace secrets. */
  readonly settings: ServiceSettings;
  /**
   * Retain the keys and the hosted-key secret when the stack is deleted
   * (prod); otherwise they go with it (dev). A deleted KMS key makes every
   * secret it encrypted unreadable, so prod never deletes one.
   */
  readonly retainData: boolean;
  /** Names the key aliases, e.g. `alias/prod-agent-llm/vault-key`. */
  readonly namePrefix: string;
}

/**
 * Custody of Anthropic keys: the KMS key that encrypts every vault secret,
 * the HMAC key that fingerprints customer keys, and the hosted-key secret.
 * Workspace secrets themselves are created at run time under the vault
 * prefix, so this construct gives their ARN pattern rather than resources.
 */
export class KeyVault extends Construct {
  readonly vaultKey: Key;
  readonly fingerprintKey: Key;
  readonly hostedKeySecret: CfnSecret;
  readonly vaultPrefix: string;

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);

    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.vaultPrefix = props.settings.vaultPrefix;
    this.vaultKey = createKey(this, VAULT_KEY, removalPolicy);
    this.fingerprintKey = createKey(this, FINGERPRINT_KEY, removalPolicy);
    this.aliasKeys(props.namePrefix);
    this.hostedKeySecret = this.createHostedKeySecret(props.settings.hostedKeySecretName);
    this.hostedKeySecret.applyRemovalPolicy(removalPolicy);
  }

  /** Aliases, so an operator finds the keys by name in the KMS console. */
  private aliasKeys(namePrefix: string): void {
    new Alias(this, 'VaultKeyAlias', {
      aliasName: `alias/${namePrefix}/vault-key`,
      targetKey: this.vaultKey,
    });
    new Alias(this, 'FingerprintKeyAlias', {
      aliasName: `alias/${namePrefix}/fingerprint-key`,
      targetKey: this.fingerprintKey,
    });
  }

  /** ARN of the hosted-key secret, with the suffix Secrets Manager appends. */
  get hostedKeySecretArn(): string {
    return this.hostedKeySecret.ref;
  }

  /** Matches every workspace secret: `arn:…:secret:<vaultPrefix>/*`, and nothing outside it. */
  get vaultSecretsArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${this.vaultPrefix}/*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /**
   * Created without a value: with neither SecretString nor
   * GenerateSecretString, CloudFormation makes an empty secret (the `Secret`
   * L2 always generates one). An operator puts the key afterwards with
   * `aws secretsmanager put-secret-value`, so it never passes through a
   * template, a parameter or an environment variable.
   */
  private createHostedKeySecret(name: string): CfnSecret {
    return new CfnSecret(this, 'HostedKeySecret', {
      name,
      description: "The platform's hosted Anthropic API key; value put by an operator",
      kmsKeyId: this.vaultKey.keyArn,
    });
  }
}

function createKey(
  scope: Construct,
  definition: KmsKeyDefinition,
  removalPolicy: RemovalPolicy,
): Key {
  return new Key(scope, definition.id, {
    description: definition.description,
    keySpec: KeySpec[definition.keySpec],
    keyUsage: KeyUsage[definition.keyUsage],
    enableKeyRotation: definition.rotation,
    removalPolicy,
  });
}
