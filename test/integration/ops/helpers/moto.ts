import { randomBytes, randomInt } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  vaultSecretName,
  vaultSecretTags,
} from '../../../../functions/adapters/secrets/secret-names.js';
import { newId } from '../../../../functions/shared/ids.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from '../../../../lib/definitions/tables.js';
import { awsClientConfig } from '../../../../scripts/local/aws-target.js';
import { localStack } from '../../../support/local-api.js';

/** The test's own view of moto, through clients of its own. */
const stack = localStack();
const config = awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region });
const documents = DynamoDBDocumentClient.from(new DynamoDBClient(config));
const secrets = new SecretsManagerClient(config);
const tables = {
  agents: stack.functionEnvironment[AGENTS_TABLE.envVar]!,
  counters: stack.functionEnvironment[COUNTERS_TABLE.envVar]!,
  audit: stack.functionEnvironment[AUDIT_TABLE.envVar]!,
};

const DAY_MS = 86_400_000;

/** A day in the 1980s, unique to the run with high odds, so no other file's counters share it. */
export function farPastDay(): string {
  const ms = Date.parse('1980-01-01T00:00:00Z') + randomInt(0, 3000) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

export const dayAfter = (day: string, days = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A day item as the gateway leaves it for an agent that was refused on `day`. */
export async function putCappedDayItem(agentId: string, workspaceId: string, day: string) {
  await documents.send(
    new PutCommand({
      TableName: tables.counters,
      Item: {
        pk: `AGENT#${agentId}`,
        sk: `DAY#${day}`,
        agentId,
        workspaceId,
        activeDay: day,
        cappedDay: day,
        capReachedAtMs: Date.parse(`${day}T18:30:00Z`),
        spentMicroCents: 1_234_567,
        reservedMicroCents: 0,
        committedMicroCents: 1_234_567,
      },
    }),
  );
}

/** Adds a reservation to an agent's day item, as a call in flight holds it. */
export async function addReservation(agentId: string, day: string, microCents: number) {
  const callId = newId('cal');
  await documents.send(
    new UpdateCommand({
      TableName: tables.counters,
      Key: { pk: `AGENT#${agentId}`, sk: `DAY#${day}` },
      UpdateExpression:
        'SET #rsv = :rsv ADD reservedMicroCents :amount, committedMicroCents :amount',
      ExpressionAttributeNames: { '#rsv': `rsv_${callId}` },
      ExpressionAttributeValues: {
        ':rsv': { microCents, atMs: Date.now() },
        ':amount': microCents,
      },
    }),
  );
  return callId;
}

export async function dayItem(agentId: string, day: string) {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: tables.counters,
      Key: { pk: `AGENT#${agentId}`, sk: `DAY#${day}` },
      ConsistentRead: true,
    }),
  );
  return Item;
}

/** Every audit event type of an agent, oldest first. */
export async function auditTypes(agentId: string): Promise<string[]> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: tables.audit,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AGENT#${agentId}` },
    }),
  );
  return (Items ?? []).map((item) => String(item.type));
}

const createdSecrets: string[] = [];

/** A key secret in the vault as the service writes them (name and tags), with a made-up value. */
export async function createKeySecret(prefix: string, workspaceId: string, agentId: string) {
  const secretId = newId('sec');
  const kind = 'anthropic-api-key';
  const { ARN } = await secrets.send(
    new CreateSecretCommand({
      Name: vaultSecretName({ prefix, workspaceId, kind, ownerId: agentId, secretId }),
      SecretString: `not-a-key-${randomBytes(8).toString('hex')}`,
      Tags: vaultSecretTags({ workspaceId, agentId, kind, secretId }),
    }),
  );
  createdSecrets.push(ARN!);
  return ARN!;
}

/** Deletes the secrets `createKeySecret` made that are still there. */
export async function deleteCreatedSecrets() {
  const deletions = createdSecrets
    .splice(0)
    .map((SecretId) =>
      secrets
        .send(new DeleteSecretCommand({ SecretId, ForceDeleteWithoutRecovery: true }))
        .catch(() => undefined),
    );
  await Promise.all(deletions);
}

/** Points an agent's key reference at a secret, as a committed key change does. */
export async function pointAgentAt(workspaceId: string, agentId: string, secretArn: string) {
  await documents.send(
    new UpdateCommand({
      TableName: tables.agents,
      Key: { pk: `WS#${workspaceId}`, sk: `AGENT#${agentId}` },
      UpdateExpression: 'SET byoKeySecretArn = :arn',
      ExpressionAttributeValues: { ':arn': secretArn },
    }),
  );
}

/** True while the secret exists and is not scheduled for deletion. */
export async function secretExists(secretId: string): Promise<boolean> {
  try {
    const description = await secrets.send(new DescribeSecretCommand({ SecretId: secretId }));
    return description.DeletedDate === undefined;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
