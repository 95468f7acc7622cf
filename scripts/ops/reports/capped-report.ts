import { capResetStore } from '../../../functions/adapters/dynamodb/cap-reset-store.js';
import { dayTotalsOf } from '../../../functions/adapters/dynamodb/spend-items.js';
import {
  forEachBounded,
  ITEM_CONCURRENCY,
} from '../../../functions/domain/jobs/for-each-bounded.js';
import { microCentsToCents } from '../../../functions/domain/pricing/index.js';
import { findAgentItem } from '../data/agent-items.js';
import { readDayItem } from '../data/day-items.js';

/** An agent refused on the day, with what its day item and agent item say. */
export interface CappedAgent {
  readonly agentId: string;
  readonly workspaceId?: string;
  readonly name?: string;
  readonly spentCents: number;
  readonly reservedCents: number;
  /** The cap now; it may have changed since the refusal. */
  readonly capCents?: number;
  readonly cappedAt?: string;
  /** When the daily job recorded the reset (its SPEND_CAP_RESET event). */
  readonly capResetAt?: string;
}

async function cappedAgentOf(agentId: string, day: string): Promise<CappedAgent> {
  const dayItem = (await readDayItem(agentId, day)) ?? {};
  const workspaceId = typeof dayItem.workspaceId === 'string' ? dayItem.workspaceId : undefined;
  const agentItem = workspaceId ? await findAgentItem(agentId, workspaceId) : undefined;
  const totals = dayTotalsOf(dayItem);
  return {
    agentId,
    workspaceId,
    name: typeof agentItem?.name === 'string' ? agentItem.name : undefined,
    spentCents: microCentsToCents(totals.spentMicroCents),
    reservedCents: microCentsToCents(totals.reservedMicroCents),
    capCents:
      typeof agentItem?.dailySpendCapCents === 'number' ? agentItem.dailySpendCapCents : undefined,
    cappedAt:
      typeof dayItem.capReachedAtMs === 'number'
        ? new Date(dayItem.capReachedAtMs).toISOString()
        : undefined,
    capResetAt: typeof dayItem.capResetAt === 'string' ? dayItem.capResetAt : undefined,
  };
}

/**
 * The agents refused on a UTC day: the sparse index `byCappedDay` (the same
 * query the daily job makes), then each agent's day item and agent item.
 */
export async function cappedAgents(day: string): Promise<CappedAgent[]> {
  const agentDays = await capResetStore.cappedAgents(day);
  const agents: CappedAgent[] = [];
  await forEachBounded(agentDays, ITEM_CONCURRENCY, async ({ agentId }) => {
    agents.push(await cappedAgentOf(agentId, day));
  });
  return agents.sort((a, b) => (a.cappedAt ?? '').localeCompare(b.cappedAt ?? ''));
}
