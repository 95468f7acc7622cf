import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { FINGERPRINT_KEY, type KmsKeyDefinition, VAULT_KEY } from '../definitions/kms-keys.js';
import type { ServiceSettings } from '../definitions/settings.js';

export interface KeyVaultProps {
  readonly settings: ServiceSettings;
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

    this.vaultPrefix = props.settings.vaultPrefix;
    this.vaultKey = createKey(this, VAULT_KEY);
    this.fingerprintKey = createKey(this, FINGERPRINT_KEY);
    this.hostedKeySecret = this.createHostedKeySecret(props.settings.hostedKeySecretName);
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
    const secret = new CfnSecret(this, 'HostedKeySecret', {
      name,
      description: "The platform's hosted Anthropic API key; value put by an operator",
      kmsKeyId: this.vaultKey.keyArn,
    });
    secret.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return secret;
  }
}

/** Keys are retained: deleting one would make every secret it encrypted unreadable. */
function createKey(scope: Construct, definition: KmsKeyDefinition): Key {
  return new Key(scope, definition.id, {
    description: definition.description,
    keySpec: KeySpec[definition.keySpec],
    keyUsage: KeyUsage[definition.keyUsage],
    enableKeyRotation: definition.rotation,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
