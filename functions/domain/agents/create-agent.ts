import { requireRole } from '../../auth/authenticate.js';
import { MANAGER_ROLES, type Principal } from '../../auth/principal.js';
import { ServiceError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { type Agent, LLM_PROVIDER, type PromptCacheTtl } from './agent.js';
import { userActor } from './agent-access.js';
import { createdEvent } from './agent-events.js';
import type { AgentRepository } from './ports.js';

export interface NewAgentInput {
  readonly name: string;
  readonly llmModel?: string;
  readonly dailySpendCapCents?: number;
  readonly promptCacheTtl?: PromptCacheTtl;
}

export interface CreateAgentDeps {
  readonly agents: AgentRepository;
  readonly hostedModels: readonly string[];
  readonly defaultDailySpendCapCents: number;
  readonly now: () => Date;
}

/** Creates a hosted agent on an allowed model; switching to BYO is a later PATCH. */
export async function createAgent(
  deps: CreateAgentDeps,
  principal: Principal,
  input: NewAgentInput,
  requestId: string,
): Promise<Agent> {
  requireRole(principal, MANAGER_ROLES, 'create agents');
  const llmModel = input.llmModel ?? deps.hostedModels[0] ?? '';
  if (!deps.hostedModels.includes(llmModel)) {
    throw new ServiceError(
      'model_not_allowed',
      `New agents are hosted and may use ${deps.hostedModels.join(', ')}`,
      {
        details: { model: llmModel, allowedModels: deps.hostedModels },
      },
    );
  }

  const at = deps.now().toISOString();
  const agent: Agent = {
    id: newId('agt'),
    workspaceId: principal.workspaceId,
    name: input.name,
    llmProvider: LLM_PROVIDER.hosted,
    llmModel,
    dailySpendCapCents: input.dailySpendCapCents ?? deps.defaultDailySpendCapCents,
    promptCacheTtl: input.promptCacheTtl ?? '5m',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await deps.agents.create(agent, createdEvent(agent, userActor(principal), requestId));
  return agent;
}
