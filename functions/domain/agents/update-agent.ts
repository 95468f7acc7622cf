import { requireRole } from '../../auth/authenticate.js';
import { MANAGER_ROLES, OPERATOR_ROLES } from '../../auth/principal.js';
import { type VerifiedKey, verifyNewKey } from '../keys/verify-new-key.js';
import type { Agent } from './agent.js';
import { checkExpectedVersion, loadAgent, userActor } from './agent-access.js';
import { changeKey } from './change-key.js';
import { commitSettings } from './commit-settings.js';
import { patchNeedsManager, planUpdate } from './plan-update.js';
import type { UpdateAgentCommand, UpdateAgentDeps } from './update-types.js';

/**
 * Applies a PATCH: checks who may change what, validates a new key with
 * Anthropic before anything is written, then either swaps the key under the
 * agent's key lock or commits plain settings. Returns the agent as stored.
 */
export async function updateAgent(
  deps: UpdateAgentDeps,
  command: UpdateAgentCommand,
): Promise<Agent> {
  const { principal, patch } = command;
  requireRole(principal, patchNeedsManager(patch) ? MANAGER_ROLES : OPERATOR_ROLES, 'change this');

  const agent = await loadAgent(deps.agents, principal.workspaceId, command.agentId);
  checkExpectedVersion(agent, command.expectedVersion);
  const plan = planUpdate(agent, patch, deps.hostedModels);

  const verifiedKey = await verifyIfGiven(deps, command, plan.settings.llmModel);
  if (plan.keyAction === 'none') return commitSettings(deps, command, agent);
  return changeKey(deps, command, verifiedKey);
}

async function verifyIfGiven(
  deps: UpdateAgentDeps,
  command: UpdateAgentCommand,
  model: string,
): Promise<VerifiedKey | undefined> {
  if (command.patch.byoApiKey === undefined) return undefined;
  return verifyNewKey(deps.verification, {
    rawKey: command.patch.byoApiKey,
    model,
    workspaceId: command.principal.workspaceId,
    agentId: command.agentId,
    actor: userActor(command.principal),
    requestId: command.requestId,
    now: deps.now(),
  });
}
