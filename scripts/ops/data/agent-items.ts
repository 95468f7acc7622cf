import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDb } from '../../../functions/adapters/aws-clients.js';
import {
  AGENT_SK_PREFIX,
  type AgentItem,
  agentKey,
} from '../../../functions/adapters/dynamodb/agent-item.js';
import { tableNames } from '../../../functions/adapters/dynamodb/tables.js';

/** The agent item when the workspace is known: one strongly consistent read. */
async function getAgentItem(workspaceId: string, agentId: string) {
  const { Item } = await dynamoDb.send(
    new GetCommand({
      TableName: tableNames.agents,
      Key: agentKey(workspaceId, agentId),
      ConsistentRead: true,
    }),
  );
  return Item;
}

/**
 * The agent item found by its id alone. Agents are keyed by workspace, so
 * this scans the whole agents table (a page at a time, stopping at the
 * match): fine for an operator now and then, and the reason `--workspace`
 * exists. A product feature must never do this.
 */
async function scanForAgentItem(agentId: string) {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDb.send(
      new ScanCommand({
        TableName: tableNames.agents,
        FilterExpression: 'id = :id AND begins_with(sk, :agent)',
        ExpressionAttributeValues: { ':id': agentId, ':agent': AGENT_SK_PREFIX },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    const match = page.Items?.[0];
    if (match) return match;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return undefined;
}

/** An agent's item as stored, or undefined when there is none. */
export async function findAgentItem(
  agentId: string,
  workspaceId?: string,
): Promise<AgentItem | undefined> {
  return workspaceId ? getAgentItem(workspaceId, agentId) : scanForAgentItem(agentId);
}
