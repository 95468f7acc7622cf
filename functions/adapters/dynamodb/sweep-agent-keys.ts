import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDb } from '../aws-clients.js';
import { callAws } from '../aws-failure.js';
import { agentKey } from './agent-item.js';
import { tableNames } from './tables.js';

/**
 * The secret an agent's key reference points at, or undefined when there is
 * no such agent or it has no key. Read strongly consistent, so a key committed
 * a moment ago is seen.
 */
export async function agentKeySecretArn(
  workspaceId: string,
  agentId: string,
): Promise<string | undefined> {
  const { Item } = await callAws('read agent key reference', () =>
    dynamoDb.send(
      new GetCommand({
        TableName: tableNames.agents,
        Key: agentKey(workspaceId, agentId),
        ProjectionExpression: 'byoKeySecretArn',
        ConsistentRead: true,
      }),
    ),
  );
  return typeof Item?.byoKeySecretArn === 'string' ? Item.byoKeySecretArn : undefined;
}
