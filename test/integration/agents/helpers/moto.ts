import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  type SecretListEntry,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../../../functions/shared/environment.js';
import {
  AGENTS_TABLE,
  AUDIT_TABLE,
  type TableDefinition,
} from '../../../../lib/definitions/tables.js';
import { awsClientConfig } from '../../../../scripts/local/aws-target.js';
import { localStack } from '../../../support/local-api.js';

/**
 * The test's own view of moto, through clients of its own: what the service
 * stored, read back the way an operator (or an attacker with table access) would.
 */
const stack = localStack();
const config = awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region });
const documents = DynamoDBDocumentClient.from(new DynamoDBClient(config));
const secrets = new SecretsManagerClient(config);

export const tableName = (table: TableDefinition) => stack.functionEnvironment[table.envVar]!;
export const vaultKmsKeyId = () => stack.functionEnvironment[ENV.vaultKmsKeyId]!;

/** The agent item as stored, with the attributes the API never shows. */
export async function agentItem(workspaceId: string, agentId: string) {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: tableName(AGENTS_TABLE),
      Key: { pk: `WS#${workspaceId}`, sk: `AGENT#${agentId}` },
      ConsistentRead: true,
    }),
  );
  return Item;
}

/** Every audit item of an agent, oldest first, straight from the table. */
export async function auditItems(agentId: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(AUDIT_TABLE),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AGENT#${agentId}` },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every item of a table. The tables are shared by the whole run, so this includes other tests'. */
export async function scanTable(table: TableDefinition): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({ TableName: tableName(table), ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every secret in moto, whoever made it. */
export async function allSecrets(): Promise<SecretListEntry[]> {
  const entries: SecretListEntry[] = [];
  let NextToken: string | undefined;
  do {
    const page = await secrets.send(new ListSecretsCommand({ NextToken, MaxResults: 100 }));
    entries.push(...(page.SecretList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return entries;
}

/** The vault secrets that belong to an agent, found by their name as the sweep would. */
export async function agentSecrets(workspaceId: string, agentId: string) {
  const prefix = `${stack.settings.vaultPrefix}/${workspaceId}/anthropic-api-key/${agentId}/`;
  return (await allSecrets()).filter((entry) => entry.Name?.startsWith(prefix));
}

export async function describeSecret(secretId: string) {
  return secrets.send(new DescribeSecretCommand({ SecretId: secretId }));
}

/** Which stages each version of a secret carries, by version id. */
export async function versionStages(secretId: string): Promise<Record<string, string[]>> {
  const description = await describeSecret(secretId);
  return description.VersionIdsToStages ?? {};
}

/** The version that carries AWSCURRENT. */
export async function currentVersionId(secretId: string): Promise<string | undefined> {
  const stages = await versionStages(secretId);
  return Object.keys(stages).find((versionId) => stages[versionId]?.includes('AWSCURRENT'));
}

/** A stored key, read by exact version (moto may answer AWSCURRENT with a stale one). */
export async function secretValue(
  secretId: string,
  versionId: string,
): Promise<string | undefined> {
  const result = await secrets.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionId: versionId }),
  );
  return result.SecretString;
}

/** True while the secret exists (and is not scheduled for deletion). */
export async function secretExists(secretId: string): Promise<boolean> {
  try {
    const description = await describeSecret(secretId);
    return description.DeletedDate === undefined;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
