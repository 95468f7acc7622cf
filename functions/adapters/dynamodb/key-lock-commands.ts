import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AgentRef, LockOutcome } from '../../domain/agents/ports.js';
import { dynamoDb } from '../aws-clients.js';
import { dependencyFailure } from '../aws-failure.js';
import { agentKey, fromAgentItem } from './agent-item.js';
import { readAgent } from './read-agent.js';
import { isConditionFailure, tableNames } from './tables.js';

interface LockRequest {
  readonly lockId: string;
  readonly nowMs: number;
  readonly ttlMs: number;
  readonly expectedVersion?: number;
}

function lockUpdate(ref: AgentRef, lock: LockRequest) {
  const versionCheck = lock.expectedVersion === undefined ? '' : ' AND version = :version';
  return new UpdateCommand({
    TableName: tableNames.agents,
    Key: agentKey(ref.workspaceId, ref.agentId),
    UpdateExpression: 'SET keyLock = :lockId, keyLockExpiresAt = :expiresAtMs',
    ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(keyLock) OR keyLockExpiresAt < :nowMs)${versionCheck}`,
    ExpressionAttributeValues: {
      ':lockId': lock.lockId,
      ':expiresAtMs': lock.nowMs + lock.ttlMs,
      ':nowMs': lock.nowMs,
      ...(lock.expectedVersion === undefined ? {} : { ':version': lock.expectedVersion }),
    },
    ReturnValues: 'ALL_NEW',
  });
}

/** Why a lock was refused: the agent is gone, has moved past the expected version, or is locked. */
async function refusal(ref: AgentRef, expectedVersion?: number): Promise<LockOutcome> {
  const agent = await readAgent(ref);
  if (!agent) return { kind: 'missing' };
  if (expectedVersion !== undefined && agent.version !== expectedVersion) return { kind: 'stale' };
  return { kind: 'busy' };
}

/** Takes the agent's key lock with one conditional update that also returns the agent. */
export async function acquireKeyLock(ref: AgentRef, lock: LockRequest): Promise<LockOutcome> {
  try {
    const { Attributes } = await dynamoDb.send(lockUpdate(ref, lock));
    return { kind: 'acquired', agent: fromAgentItem(Attributes ?? {}) };
  } catch (error) {
    if (!isConditionFailure(error)) throw dependencyFailure('lock agent', error);
    return refusal(ref, lock.expectedVersion);
  }
}

/** Frees the lock if this request still holds it. */
export async function releaseKeyLock(ref: AgentRef, lockId: string): Promise<void> {
  try {
    await dynamoDb.send(
      new UpdateCommand({
        TableName: tableNames.agents,
        Key: agentKey(ref.workspaceId, ref.agentId),
        UpdateExpression: 'REMOVE keyLock, keyLockExpiresAt',
        ConditionExpression: 'keyLock = :lockId',
        ExpressionAttributeValues: { ':lockId': lockId },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
