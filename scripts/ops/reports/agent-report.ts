import { fromAgentItem } from '../../../functions/adapters/dynamodb/agent-item.js';
import { auditLog } from '../../../functions/adapters/dynamodb/audit-log.js';
import { heldReservationsOf } from '../../../functions/adapters/dynamodb/cap-reset-day-items.js';
import {
  dayTotalsOf,
  reservationAttribute,
} from '../../../functions/adapters/dynamodb/spend-items.js';
import type { Agent, ByoKeyReference } from '../../../functions/domain/agents/agent.js';
import type { AuditEvent } from '../../../functions/domain/audit/audit-event.js';
import { daySpendReport } from '../../../functions/domain/spend/spend-report.js';
import { findAgentItem } from '../data/agent-items.js';
import { readDayItem } from '../data/day-items.js';
import { OpsError } from '../errors.js';

/** How many audit events `agent` shows, newest first. */
export const AUDIT_EVENTS_SHOWN = 10;

/** A call in flight: its reservation on the day item, not yet settled or released. */
export interface InFlightCall {
  readonly callId: string;
  readonly microCents: number;
  readonly reservedAt?: string;
}

/** Everything `agent` shows. The key appears as its hint only; the item never holds more. */
export interface AgentReport {
  readonly agent: Omit<Agent, 'byoKey'>;
  readonly key?: Omit<ByoKeyReference, 'fingerprint'>;
  readonly spend: ReturnType<typeof daySpendReport> & {
    readonly spentMicroCents: number;
    readonly reservedMicroCents: number;
    readonly inFlight: readonly InFlightCall[];
    readonly cappedAt?: string;
    readonly capResetAt?: string;
  };
  readonly auditEvents: readonly AuditEvent[];
}

/** The fingerprint finds agents by key (`find-key`); shown, it would only be noise. */
const keyOf = ({ fingerprint: _fingerprint, ...key }: ByoKeyReference) => key;

const isoOf = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : undefined);

function spendOf(agent: Agent, day: string, item: Record<string, unknown> | undefined) {
  const totals = dayTotalsOf(item);
  const inFlight = heldReservationsOf(item ?? {}, { agentId: agent.id, day }).map((held) => {
    const raw = item?.[reservationAttribute(held.callId)] as { atMs?: unknown } | undefined;
    return { callId: held.callId, microCents: held.microCents, reservedAt: isoOf(raw?.atMs) };
  });
  const capped = item?.cappedDay === day;
  return {
    ...daySpendReport(day, agent.dailySpendCapCents, totals),
    spentMicroCents: totals.spentMicroCents,
    reservedMicroCents: totals.reservedMicroCents,
    inFlight,
    cappedAt: capped ? isoOf(item?.capReachedAtMs) : undefined,
    capResetAt: capped && typeof item?.capResetAt === 'string' ? item.capResetAt : undefined,
  };
}

/** Reads an agent, its day's counters and its latest audit events. */
export async function agentReport(
  agentId: string,
  workspaceId: string | undefined,
  day: string,
): Promise<AgentReport> {
  const item = await findAgentItem(agentId, workspaceId);
  if (!item) {
    const where = workspaceId ? ` in workspace ${workspaceId}` : '';
    throw new OpsError(`no agent ${agentId}${where}`);
  }
  const full = fromAgentItem(item);
  const { byoKey, ...agent } = full;
  const [dayItem, audit] = await Promise.all([
    readDayItem(agentId, day),
    auditLog.page(agentId, { limit: AUDIT_EVENTS_SHOWN }),
  ]);

  return {
    agent,
    ...(byoKey ? { key: keyOf(byoKey) } : {}),
    spend: spendOf(full, day, dayItem),
    auditEvents: audit.events,
  };
}
