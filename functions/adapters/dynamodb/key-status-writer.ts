import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { BYO_KEY_STATUS } from '../../domain/agents/agent.js';
import { AUDIT_EVENT_TYPE } from '../../domain/audit/audit-event.js';
import type { KeyStatusWriter } from '../../domain/gateway/ports.js';
import { newId } from '../../shared/ids.js';
import { dynamoDb } from '../aws-clients.js';
import { dependencyFailure } from '../aws-failure.js';
import { agentKey } from './agent-item.js';
import { auditPut } from './audit-item.js';
import { isTransactionConflict, tableNames } from './tables.js';

/**
 * Marks a BYO key rejected and audits it in one transaction, conditional on
 * the agent still using that very key version while it was valid: so the
 * event is written once, and a key saved meanwhile is never marked.
 */
export const keyStatusWriter: KeyStatusWriter = {
  async markRejected(agent, reason, requestId, now) {
    const key = agent.byoKey;
    if (!key) return;
    const update = {
      TableName: tableNames.agents,
      Key: agentKey(agent.workspaceId, agent.id),
      UpdateExpression: 'SET byoKeyStatus = :rejected, updatedAt = :at ADD version :one',
      ConditionExpression: 'byoKeySecretVersionId = :versionId AND byoKeyStatus = :valid',
      ExpressionAttributeValues: {
        ':rejected': BYO_KEY_STATUS.rejected,
        ':valid': BYO_KEY_STATUS.valid,
        ':versionId': key.secretVersionId,
        ':at': now.toISOString(),
        ':one': 1,
      },
    };
    const event = auditPut({
      id: newId('evt'),
      type: AUDIT_EVENT_TYPE.keyRejected,
      workspaceId: agent.workspaceId,
      agentId: agent.id,
      at: now.toISOString(),
      actor: { kind: 'system', component: 'gateway' },
      requestId,
      details: { keyHint: key.hint, reason },
    });
    try {
      await dynamoDb.send(
        new TransactWriteCommand({ TransactItems: [{ Update: update }, { Put: event }] }),
      );
    } catch (error) {
      if (!isTransactionConflict(error)) throw dependencyFailure('mark key rejected', error);
    }
  },
};
