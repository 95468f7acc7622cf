import { ServiceError, ValidationError } from '../../shared/errors.js';
import { type Agent, type AgentSettings, LLM_PROVIDER } from './agent.js';

/** What a PATCH asks for, already type-checked by the API schema. */
export interface AgentPatch {
  readonly name?: string;
  readonly llmProvider?: Agent['llmProvider'];
  readonly llmModel?: string;
  readonly byoApiKey?: string;
  readonly dailySpendCapCents?: number;
  readonly promptCacheTtl?: Agent['promptCacheTtl'];
}

/** What happens to the agent's key in the vault. */
export type KeyAction = 'none' | 'set' | 'rotate' | 'revert';

export interface UpdatePlan {
  readonly settings: AgentSettings;
  readonly keyAction: KeyAction;
}

function targetSettings(agent: Agent, patch: AgentPatch): AgentSettings {
  return {
    name: patch.name ?? agent.name,
    llmProvider: patch.llmProvider ?? agent.llmProvider,
    llmModel: patch.llmModel ?? agent.llmModel,
    dailySpendCapCents: patch.dailySpendCapCents ?? agent.dailySpendCapCents,
    promptCacheTtl: patch.promptCacheTtl ?? agent.promptCacheTtl,
  };
}

function checkHosted(settings: AgentSettings, patch: AgentPatch, hostedModels: readonly string[]) {
  if (patch.byoApiKey !== undefined) {
    throw new ValidationError([
      { field: 'byoApiKey', problem: `may only be sent with llmProvider ${LLM_PROVIDER.byo}` },
    ]);
  }
  if (!hostedModels.includes(settings.llmModel)) {
    throw new ServiceError(
      'model_not_allowed',
      `Hosted agents may use ${hostedModels.join(', ')}; choose one of them as llmModel`,
      { details: { model: settings.llmModel, allowedModels: hostedModels } },
    );
  }
}

function keyActionFor(agent: Agent, settings: AgentSettings, patch: AgentPatch): KeyAction {
  if (settings.llmProvider === LLM_PROVIDER.hosted) return agent.byoKey ? 'revert' : 'none';
  if (patch.byoApiKey !== undefined) return agent.byoKey ? 'rotate' : 'set';
  if (!agent.byoKey) {
    throw new ValidationError([
      { field: 'byoApiKey', problem: `is required to switch to ${LLM_PROVIDER.byo}` },
    ]);
  }
  return 'none';
}

/**
 * Decides the agent's new settings and what happens to its key. Never changes
 * a setting the caller did not name: a hosted agent on a model outside the
 * allow-list is refused rather than silently moved to another model.
 */
export function planUpdate(
  agent: Agent,
  patch: AgentPatch,
  hostedModels: readonly string[],
): UpdatePlan {
  const settings = targetSettings(agent, patch);
  if (settings.llmProvider === LLM_PROVIDER.hosted) checkHosted(settings, patch, hostedModels);

  return { settings, keyAction: keyActionFor(agent, settings, patch) };
}

/** True when the patch touches anything beyond the agent's name. */
export function patchNeedsManager(patch: AgentPatch): boolean {
  return Object.keys(patch).some((field) => field !== 'name');
}
