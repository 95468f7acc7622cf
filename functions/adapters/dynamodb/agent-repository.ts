import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Agent } from '../../domain/agents/agent.js';
import type { AgentRepository, CommitGuard } from '../../domain/agents/ports.js';
import type { AuditEvent } from '../../domain/audit/audit-event.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws, dependencyFailure } from '../aws-failure.js';
import { AGENT_SK_PREFIX, fromAgentItem, toAgentItem } from './agent-item.js';
import { auditPut } from './audit-item.js';
import { acquireKeyLock, releaseKeyLock } from './key-lock-commands.js';
import { readAgent } from './read-agent.js';
import { isTransactionConflict, tableNames } from './tables.js';

const LOCK_FREE = '(attribute_not_exists(keyLock) OR keyLockExpiresAt < :nowMs)';

function guardCondition(guard: CommitGuard) {
  if (guard.kind === 'lock') {
    // The version check keeps versions monotonic should the gateway mark the key meanwhile.
    return {
      ConditionExpression: 'keyLock = :lockId AND version = :version',
      ExpressionAttributeValues: { ':lockId': guard.lockId, ':version': guard.version },
    };
  }
  return {
    ConditionExpression: `version = :version AND ${LOCK_FREE}`,
    ExpressionAttributeValues: { ':version': guard.version, ':nowMs': guard.nowMs },
  };
}

/** Agents in the agents table. Reads are strongly consistent: a change is visible to the next call. */
export const agentRepository: AgentRepository = {
  async list(workspaceId) {
    const agents: Agent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await callAws('list agents', () =>
        dynamoDb.send(
          new QueryCommand({
            TableName: tableNames.agents,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': `WS#${workspaceId}`, ':prefix': AGENT_SK_PREFIX },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      agents.push(...(page.Items ?? []).map(fromAgentItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return agents;
  },

  get: readAgent,

  async create(agent, event) {
    const put = {
      TableName: tableNames.agents,
      Item: toAgentItem(agent),
      ConditionExpression: 'attribute_not_exists(pk)',
    };
    await callAws('create agent', () =>
      dynamoDb.send(
        new TransactWriteCommand({ TransactItems: [{ Put: put }, { Put: auditPut(event) }] }),
      ),
    );
  },

  acquireKeyLock,
  releaseKeyLock,

  async commit(after: Agent, guard: CommitGuard, event: AuditEvent) {
    const put = {
      TableName: tableNames.agents,
      Item: toAgentItem(after),
      ...guardCondition(guard),
    };
    try {
      await dynamoDb.send(
        new TransactWriteCommand({
          // One token per audit event: a retried commit that already landed succeeds again.
          ClientRequestToken: event.id,
          TransactItems: [{ Put: put }, { Put: auditPut(event) }],
        }),
      );
      return 'committed';
    } catch (error) {
      if (isTransactionConflict(error)) return 'conflict';
      throw dependencyFailure('commit agent', error);
    }
  },
};
