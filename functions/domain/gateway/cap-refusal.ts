import { countCapRefusal } from '../../observability/metrics.js';
import { ServiceError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { type Agent, LLM_PROVIDER } from '../agents/agent.js';
import type { AuditLog } from '../agents/ports.js';
import { AUDIT_EVENT_TYPE } from '../audit/audit-event.js';
import { microCentsToCents } from '../pricing/index.js';
import { CREDENTIAL_SOURCE, type SpendLedger } from '../spend/ports.js';
import { nextUtcMidnight, secondsUntilReset, utcDay } from '../spend/utc-day.js';

interface Refusal {
  readonly spentMicroCents: number;
  readonly reservedMicroCents: number;
}

/**
 * Refuses a call that would pass the agent's cap with 429, naming the cap, the
 * day's settled spend, what calls in flight hold, and when the cap resets.
 * The day's first refusal is audited once.
 */
export async function refuseOverCap(
  deps: { ledger: SpendLedger; audit: AuditLog },
  agent: Agent,
  refusal: Refusal,
  now: Date,
): Promise<never> {
  const day = utcDay(now);
  const byo = agent.llmProvider === LLM_PROVIDER.byo;
  countCapRefusal(byo ? CREDENTIAL_SOURCE.byo : CREDENTIAL_SOURCE.hosted);
  const details = {
    capCents: agent.dailySpendCapCents,
    spentCents: microCentsToCents(refusal.spentMicroCents),
    reservedCents: microCentsToCents(refusal.reservedMicroCents),
    resetsAt: nextUtcMidnight(now).toISOString(),
  };
  if (await deps.ledger.markCapped(agent.id, agent.workspaceId, day, now.getTime())) {
    await deps.audit.append({
      id: newId('evt'),
      type: AUDIT_EVENT_TYPE.capReached,
      workspaceId: agent.workspaceId,
      agentId: agent.id,
      at: now.toISOString(),
      actor: { kind: 'system', component: 'gateway' },
      details: { day, ...details },
    });
  }
  throw new ServiceError('daily_spend_cap_reached', "The agent's daily spend cap is reached", {
    details,
    retryAfterSeconds: secondsUntilReset(now),
  });
}
