import type { Agent, ByoKeyReference } from './agent.js';
import type { UpdatePlan } from './plan-update.js';

/** The agent after a change: new settings, new version, and the key reference it ends with. */
export function nextAgentState(
  agent: Agent,
  plan: UpdatePlan,
  byoKey: ByoKeyReference | undefined,
  now: Date,
): Agent {
  const { byoKey: _previousKey, ...rest } = agent;
  return {
    ...rest,
    ...plan.settings,
    version: agent.version + 1,
    updatedAt: now.toISOString(),
    ...(byoKey ? { byoKey } : {}),
  };
}
