import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Agent } from '../../domain/agents/agent.js';
import type { AgentRef } from '../../domain/agents/ports.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws } from '../aws-failure.js';
import { agentKey, fromAgentItem } from './agent-item.js';
import { tableNames } from './tables.js';

/**
 * Reads one agent, strongly consistent: a key change acknowledged a moment
 * ago must be what the very next call sees.
 */
export async function readAgent(ref: AgentRef): Promise<Agent | undefined> {
  const { Item } = await callAws('read agent', () =>
    dynamoDb.send(
      new GetCommand({
        TableName: tableNames.agents,
        Key: agentKey(ref.workspaceId, ref.agentId),
        ConsistentRead: true,
      }),
    ),
  );
  return Item ? fromAgentItem(Item) : undefined;
}
