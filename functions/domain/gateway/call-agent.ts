import { requireRole } from '../../auth/authenticate.js';
import { OPERATOR_ROLES, type Principal } from '../../auth/principal.js';
import { ServiceError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { type Agent, BYO_KEY_STATUS, LLM_PROVIDER } from '../agents/agent.js';
import { loadAgent } from '../agents/agent-access.js';
import type { AgentRepository, AuditLog } from '../agents/ports.js';
import { centsToMicroCents, worstCaseCost } from '../pricing/index.js';
import { CREDENTIAL_SOURCE, type ReservationRef, type SpendLedger } from '../spend/ports.js';
import { utcDay } from '../spend/utc-day.js';
import { refuseOverCap } from './cap-refusal.js';
import type { CredentialProvider, KeyStatusWriter, LlmClient, LlmCredential } from './ports.js';
import { withPromptCaching } from './prompt-caching.js';
import { type SettledCall, sendAndSettle } from './send-and-settle.js';
import { keyRejectedError } from './upstream-errors.js';

/** Every answer of an agent call says which credentials served it. */
export const CREDENTIAL_SOURCE_HEADER = 'x-credential-source';

export interface GatewayDeps {
  readonly agents: AgentRepository;
  readonly ledger: SpendLedger;
  readonly credentials: CredentialProvider;
  readonly llm: LlmClient;
  readonly keyStatus: KeyStatusWriter;
  readonly audit: AuditLog;
  readonly hostedModels: readonly string[];
  readonly now: () => Date;
}

export interface AgentCall {
  readonly principal: Principal;
  readonly agentId: string;
  readonly body: Record<string, unknown> & { max_tokens: number; messages: unknown[] };
  readonly requestId: string;
}

function chooseModel(agent: Agent, requested: unknown, hostedModels: readonly string[]): string {
  const model = typeof requested === 'string' ? requested : agent.llmModel;
  if (agent.llmProvider === LLM_PROVIDER.hosted && !hostedModels.includes(model)) {
    throw new ServiceError(
      'model_not_allowed',
      `Hosted agents may use ${hostedModels.join(', ')}`,
      {
        details: { model, allowedModels: hostedModels },
      },
    );
  }
  return model;
}

async function credentialFor(agent: Agent, deps: GatewayDeps): Promise<LlmCredential> {
  if (agent.llmProvider === LLM_PROVIDER.hosted) return deps.credentials.hosted();
  // Never fall back to the hosted key: a BYO agent's usage must not be billed to the platform.
  if (!agent.byoKey || agent.byoKey.status === BYO_KEY_STATUS.rejected) throw keyRejectedError();
  return deps.credentials.byo(agent.byoKey);
}

/**
 * Makes one LLM call for an agent: picks the credentials, reserves the call's
 * worst-case cost against the daily cap, calls Anthropic with prompt caching
 * on, and settles the reservation to the call's actual cost.
 */
export async function callAgent(deps: GatewayDeps, call: AgentCall): Promise<SettledCall> {
  requireRole(call.principal, OPERATOR_ROLES, 'make agent calls');
  const agent = await loadAgent(deps.agents, call.principal.workspaceId, call.agentId);
  const source =
    agent.llmProvider === LLM_PROVIDER.byo ? CREDENTIAL_SOURCE.byo : CREDENTIAL_SOURCE.hosted;

  try {
    const model = chooseModel(agent, call.body.model, deps.hostedModels);
    const credential = await credentialFor(agent, deps);
    const body = withPromptCaching({ ...call.body, model }, agent.promptCacheTtl);
    const reservation = await reserve(deps, agent, body, model, deps.now());
    const prepared = { agent, model, body, credential, reservation, requestId: call.requestId };
    return await sendAndSettle(deps, prepared);
  } catch (error) {
    if (error instanceof ServiceError) error.headers[CREDENTIAL_SOURCE_HEADER] = source;
    throw error;
  }
}

async function reserve(
  deps: GatewayDeps,
  agent: Agent,
  body: Record<string, unknown>,
  model: string,
  now: Date,
): Promise<ReservationRef & { spentBeforeMicroCents: number }> {
  const bound = worstCaseCost({
    bodyBytes: Buffer.byteLength(JSON.stringify(body), 'utf8'),
    maxTokens: body.max_tokens as number,
    model,
    messageCount: (body.messages as unknown[]).length,
    toolCount: Array.isArray(body.tools) ? body.tools.length : 0,
    // The workspace may default to US-only inference without the body saying so.
    inferenceGeo: 'us',
  });
  const reservation = {
    agentId: agent.id,
    day: utcDay(now),
    callId: newId('cal'),
    microCents: bound.microCents,
  };
  const capMicroCents = centsToMicroCents(agent.dailySpendCapCents);

  const outcome = await deps.ledger.reserve({
    ...reservation,
    workspaceId: agent.workspaceId,
    capMicroCents,
    nowMs: now.getTime(),
  });
  if (outcome.kind === 'refused') return refuseOverCap(deps, agent, outcome, now);
  return { ...reservation, spentBeforeMicroCents: outcome.spentMicroCents };
}
