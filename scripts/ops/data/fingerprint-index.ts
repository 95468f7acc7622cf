import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDb } from '../../../functions/adapters/aws-clients.js';
import { tableNames } from '../../../functions/adapters/dynamodb/tables.js';
import { AGENTS_TABLE } from '../../../lib/definitions/tables.js';

const FINGERPRINT_INDEX = AGENTS_TABLE.indexes.find(
  (index) => index.partitionKey === 'byoKeyFingerprint',
)!;

/** An agent that uses a key, as the sparse index `byKeyFingerprint` projects it. */
export interface KeyUser {
  readonly workspaceId: string;
  readonly agentId: string;
  readonly name: string;
  readonly hint: string;
}

/**
 * Every agent whose current key has this fingerprint, all pages. The index
 * holds BYO agents only and is eventually consistent: a key set a second ago
 * may not show yet.
 */
export async function agentsWithFingerprint(fingerprint: string): Promise<KeyUser[]> {
  const users: KeyUser[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDb.send(
      new QueryCommand({
        TableName: tableNames.agents,
        IndexName: FINGERPRINT_INDEX.indexName,
        KeyConditionExpression: 'byoKeyFingerprint = :fingerprint',
        ExpressionAttributeValues: { ':fingerprint': fingerprint },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      users.push({
        workspaceId: String(item.workspaceId),
        agentId: String(item.id),
        name: String(item.name ?? ''),
        hint: String(item.byoKeyHint ?? ''),
      });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const order = (user: KeyUser) => `${user.workspaceId}/${user.agentId}`;
  return users.sort((a, b) => order(a).localeCompare(order(b)));
}
