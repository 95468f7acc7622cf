import { ServiceError } from '../../shared/errors.js';
import { logger } from '../../shared/logger.js';
import type { Agent } from './agent.js';
import type { AgentRef, AgentRepository } from './ports.js';
import type { UpdateAgentCommand, UpdateAgentDeps } from './update-types.js';

/**
 * A lock outlives the longest key swap (two AWS calls) many times over, and
 * frees an agent whose writer crashed within half a minute.
 */
export const KEY_LOCK_TTL_MS = 30_000;
/** How long a key change waits for another one on the same agent before answering 409. */
export const KEY_LOCK_WAIT_MS = 8_000;
const POLL_MS = 60;

/** Takes the agent's key lock, waiting while another key change holds it. */
export async function acquireKeyLock(
  deps: UpdateAgentDeps,
  command: UpdateAgentCommand,
  lockId: string,
): Promise<Agent> {
  const ref = { workspaceId: command.principal.workspaceId, agentId: command.agentId };
  const deadlineMs = deps.now().getTime() + KEY_LOCK_WAIT_MS;

  while (deps.now().getTime() < deadlineMs) {
    const lock = { lockId, nowMs: deps.now().getTime(), ttlMs: KEY_LOCK_TTL_MS };
    const outcome = await deps.agents.acquireKeyLock(ref, {
      ...lock,
      expectedVersion: command.expectedVersion,
    });
    if (outcome.kind === 'acquired') return outcome.agent;
    if (outcome.kind === 'missing') throw new ServiceError('not_found', 'No agent with this id');
    if (outcome.kind === 'stale') {
      throw new ServiceError('precondition_failed', 'The agent changed since you read it');
    }
    await deps.sleep(POLL_MS * (0.5 + Math.random()));
  }
  throw new ServiceError(
    'concurrent_modification',
    "Another change to this agent's key is running",
    {
      retryAfterSeconds: 1,
    },
  );
}

/** Frees the lock after a failed change; an expired lock frees itself, so failure only logs. */
export async function releaseKeyLockQuietly(
  agents: AgentRepository,
  ref: AgentRef,
  lockId: string,
): Promise<void> {
  try {
    await agents.releaseKeyLock(ref, lockId);
  } catch (error) {
    logger.warn('key lock release failed', { agentId: ref.agentId, error: error as Error });
  }
}
