import type { AgentDay, CappedAgentDay, HeldReservation } from '../../domain/jobs/ports.js';
import { RESERVATION_PREFIX } from './spend-items.js';

/**
 * The counters' sparse day indexes, as lib/definitions/tables.ts defines them
 * (a unit test holds the two together): index name and partition attribute.
 */
export const DAY_INDEXES = {
  capped: { indexName: 'byCappedDay', attribute: 'cappedDay' },
  active: { indexName: 'byActiveDay', attribute: 'activeDay' },
} as const;

const AGENT_PK = /^AGENT#(.+)$/;
const DAY_SK = /^DAY#(\d{4}-\d{2}-\d{2})$/;

type Item = Record<string, unknown>;

const isWholeAmount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The agent and day a day item's key names; undefined for any other item. */
export function agentDayOfKey(key: Item): AgentDay | undefined {
  const agentId = AGENT_PK.exec(String(key.pk))?.[1];
  const day = DAY_SK.exec(String(key.sk))?.[1];
  return agentId && day ? { agentId, day } : undefined;
}

/** The cap a day item records for its own day; undefined when it holds none. */
export function cappedAgentDayOf(item: Item, agentDay: AgentDay): CappedAgentDay | undefined {
  if (item.cappedDay !== agentDay.day) return undefined;
  return {
    ...agentDay,
    ...(typeof item.workspaceId === 'string' ? { workspaceId: item.workspaceId } : {}),
    capReachedAtMs: isWholeAmount(item.capReachedAtMs) ? item.capReachedAtMs : 0,
    resetRecorded: item.capResetAt !== undefined,
  };
}

/**
 * Every reservation a day item still holds: each top-level `rsv_<callId>`
 * attribute. One without a whole amount of micro-cents is left alone, since
 * releasing it would need an amount to give back; the reserve path never writes one.
 */
export function heldReservationsOf(item: Item, agentDay: AgentDay): HeldReservation[] {
  const held: HeldReservation[] = [];
  for (const [attribute, value] of Object.entries(item)) {
    if (!attribute.startsWith(RESERVATION_PREFIX)) continue;
    const microCents = (value as { microCents?: unknown } | null)?.microCents;
    if (!isWholeAmount(microCents)) continue;
    held.push({ ...agentDay, callId: attribute.slice(RESERVATION_PREFIX.length), microCents });
  }
  return held;
}
