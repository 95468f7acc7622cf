import { ServiceError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { logger } from '../../shared/logger.js';
import type { VerifiedKey } from '../keys/verify-new-key.js';
import type { Agent } from './agent.js';
import { userActor } from './agent-access.js';
import { updatedEvent } from './agent-events.js';
import { nextAgentState } from './agent-state.js';
import { acquireKeyLock, releaseKeyLockQuietly } from './key-lock.js';
import { planUpdate } from './plan-update.js';
import type { UpdateAgentCommand, UpdateAgentDeps } from './update-types.js';
import { writeKey } from './write-key.js';

const COMMIT_ATTEMPTS = 3;

/**
 * Sets, rotates or removes an agent's key. Holding the agent's key lock, it
 * writes the secret, then commits the agent; if the commit fails, the secret
 * write is undone, so the key in force is always the last acknowledged one.
 */
export async function changeKey(
  deps: UpdateAgentDeps,
  command: UpdateAgentCommand,
  verifiedKey: VerifiedKey | undefined,
): Promise<Agent> {
  const lockId = newId('req');
  const agent = await acquireKeyLock(deps, command, lockId);
  const ref = { workspaceId: agent.workspaceId, agentId: agent.id };

  try {
    return await swapUnderLock(deps, command, agent, verifiedKey, lockId);
  } catch (error) {
    await releaseKeyLockQuietly(deps.agents, ref, lockId);
    throw error;
  }
}

async function swapUnderLock(
  deps: UpdateAgentDeps,
  command: UpdateAgentCommand,
  agent: Agent,
  verifiedKey: VerifiedKey | undefined,
  lockId: string,
): Promise<Agent> {
  const plan = planUpdate(agent, command.patch, deps.hostedModels);
  const written = await writeKey(deps.vault, agent, plan.keyAction, verifiedKey);

  const after = nextAgentState(agent, plan, written.reference, deps.now());
  let committed: boolean;
  try {
    committed = await commitUnderLock(deps, agent, after, command, lockId);
  } catch (error) {
    const outcome = await commitOutcome(deps, after);
    if (outcome === 'landed') committed = true;
    // Undoing a write the agent may now name would break the acknowledged
    // key; when that cannot be told, a leftover secret is swept instead.
    else if (outcome === 'unknown') throw error;
    else {
      await written.undo();
      throw error;
    }
  }
  if (!committed) {
    await written.undo();
    throw new ServiceError('concurrent_modification', 'The agent changed meanwhile; retry', {
      retryAfterSeconds: 1,
    });
  }

  await written.afterCommit();
  return after;
}

/**
 * Whether a commit that failed (a lost answer, say) was applied after all:
 * `landed` when the agent now is the state that commit wrote, `unknown` when
 * the agent cannot even be read back to tell.
 */
async function commitOutcome(
  deps: UpdateAgentDeps,
  after: Agent,
): Promise<'landed' | 'absent' | 'unknown'> {
  try {
    const current = await deps.agents.get({ workspaceId: after.workspaceId, agentId: after.id });
    const landed = current?.version === after.version && current.updatedAt === after.updatedAt;
    return landed ? 'landed' : 'absent';
  } catch {
    return 'unknown';
  }
}

/** Retries a contended commit; with the lock held, only a transaction clash can fail it. */
async function commitUnderLock(
  deps: UpdateAgentDeps,
  before: Agent,
  after: Agent,
  command: UpdateAgentCommand,
  lockId: string,
): Promise<boolean> {
  const event = updatedEvent(before, after, userActor(command.principal), command.requestId);
  for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
    const outcome = await deps.agents.commit(
      after,
      { kind: 'lock', lockId, version: before.version },
      event,
    );
    if (outcome === 'committed') return true;
    logger.warn('key change commit contended', { agentId: after.id, attempt });
    await deps.sleep(25 * attempt);
  }
  return false;
}
