import { ServiceError } from '../../shared/errors.js';
import type { Agent } from './agent.js';
import { checkExpectedVersion, loadAgent, userActor } from './agent-access.js';
import { updatedEvent } from './agent-events.js';
import { nextAgentState } from './agent-state.js';
import { changeKey } from './change-key.js';
import { planUpdate } from './plan-update.js';
import type { UpdateAgentCommand, UpdateAgentDeps } from './update-types.js';

const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 40;

/**
 * Commits a change that leaves the key alone, guarded by the version it was
 * planned on. A concurrent writer makes it re-read and re-plan, unless the
 * client pinned a version with If-Match, which then answers 412. A PATCH that
 * changes nothing writes nothing and is not audited.
 */
export async function commitSettings(
  deps: UpdateAgentDeps,
  command: UpdateAgentCommand,
  firstRead?: Agent,
): Promise<Agent> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const agent =
      attempt === 1 && firstRead
        ? firstRead
        : await loadAgent(deps.agents, command.principal.workspaceId, command.agentId);
    checkExpectedVersion(agent, command.expectedVersion);
    const plan = planUpdate(agent, command.patch, deps.hostedModels);
    if (plan.keyAction !== 'none') return changeKey(deps, command, undefined);

    const now = deps.now();
    const after = nextAgentState(agent, plan, agent.byoKey, now);
    const event = updatedEvent(agent, after, userActor(command.principal), command.requestId);
    if (Object.keys(event.changes ?? {}).length === 0) return agent;

    const guard = { kind: 'version', version: agent.version, nowMs: now.getTime() } as const;
    if ((await deps.agents.commit(after, guard, event)) === 'committed') return after;
    await deps.sleep(BACKOFF_BASE_MS * attempt * (0.5 + Math.random()));
  }
  throw new ServiceError('concurrent_modification', 'The agent kept changing; retry', {
    retryAfterSeconds: 1,
  });
}
