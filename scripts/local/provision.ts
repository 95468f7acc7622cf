import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ResourceLocations } from '../../lib/definitions/function-environment.js';
import {
  FINGERPRINT_KEY,
  KMS_KEYS,
  type KmsKeyDefinition,
  VAULT_KEY,
} from '../../lib/definitions/kms-keys.js';
import type { ServiceSettings } from '../../lib/definitions/settings.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE, TABLES } from '../../lib/definitions/tables.js';
import { type AwsTarget, awsClientConfig } from './aws-target.js';
import { createKmsKey } from './provision-keys.js';
import { createTable, localTableName } from './provision-tables.js';

/** How local resources are named; the prefix keeps a dev stack and test runs apart. */
export interface ResourceNames {
  /** `local` gives `local-Agents`; tests use a unique prefix per run. */
  readonly tablePrefix: string;
}

/**
 * Creates, in moto, every resource the stack defines: the tables of `TABLES`,
 * the keys of `KMS_KEYS` and the hosted-key secret, all from the shared
 * definitions so the local stack cannot drift from the deployed one. Returns
 * where they are, ready for `functionEnvironment`.
 */
export async function provisionResources(
  names: ResourceNames,
  settings: ServiceSettings,
  hostedApiKey: string,
  target: AwsTarget,
): Promise<ResourceLocations> {
  const config = awsClientConfig(target);
  const dynamodb = new DynamoDBClient(config);
  const tableName = (table: (typeof TABLES)[number]) => localTableName(names.tablePrefix, table);

  await Promise.all(TABLES.map((table) => createTable(dynamodb, tableName(table), table)));
  const keyArns = await createKeys(new KMSClient(config));
  const secretsManager = new SecretsManagerClient(config);
  const hostedKeySecretId = await createHostedKeySecret(secretsManager, settings, {
    kmsKeyId: keyArns[VAULT_KEY.id],
    secretString: hostedApiKey,
  });

  return {
    agentsTableName: tableName(AGENTS_TABLE),
    countersTableName: tableName(COUNTERS_TABLE),
    auditTableName: tableName(AUDIT_TABLE),
    vaultKmsKeyId: keyArns[VAULT_KEY.id],
    fingerprintKmsKeyId: keyArns[FINGERPRINT_KEY.id],
    hostedKeySecretId,
  };
}

/** Creates every key of `KMS_KEYS` and returns each one's ARN by logical id. */
async function createKeys(client: KMSClient): Promise<Record<KmsKeyDefinition['id'], string>> {
  const entries = await Promise.all(
    KMS_KEYS.map(async (key) => [key.id, await createKmsKey(client, key)] as const),
  );
  return Object.fromEntries(entries) as Record<KmsKeyDefinition['id'], string>;
}

/**
 * Stores the platform's hosted Anthropic key, encrypted with the vault key, and
 * returns the secret's ARN. Moto quirk: after UpdateSecretVersionStage, a
 * GetSecretValue without VersionStage may still return the old version, so
 * code that rotates reads an explicit VersionId (as it must on AWS anyway).
 */
async function createHostedKeySecret(
  client: SecretsManagerClient,
  settings: ServiceSettings,
  secret: { kmsKeyId: string; secretString: string },
): Promise<string> {
  const created = await client.send(
    new CreateSecretCommand({
      Name: settings.hostedKeySecretName,
      Description: 'The platform Anthropic API key used by hosted agents',
      KmsKeyId: secret.kmsKeyId,
      SecretString: secret.secretString,
    }),
  );
  if (!created.ARN) throw new Error('Secrets Manager returned no ARN for the hosted key');
  return created.ARN;
}
