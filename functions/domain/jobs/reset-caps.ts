import { newId } from '../../shared/ids.js';
import { logger } from '../../shared/logger.js';
import { AUDIT_EVENT_TYPE, type AuditEvent } from '../audit/audit-event.js';
import { forEachBounded, ITEM_CONCURRENCY } from './for-each-bounded.js';
import type { CappedAgentDay, CapResetCounts, CapResetDeps } from './ports.js';

/** The SPEND_CAP_RESET event of an agent capped on `cap.day`. */
export function capResetEvent(
  cap: CappedAgentDay & { workspaceId: string },
  at: Date,
  requestId?: string,
): AuditEvent {
  return {
    id: newId('evt'),
    type: AUDIT_EVENT_TYPE.capReset,
    workspaceId: cap.workspaceId,
    agentId: cap.agentId,
    at: at.toISOString(),
    actor: { kind: 'system', component: 'cap-reset' },
    ...(requestId ? { requestId } : {}),
    details: { day: cap.day, capReachedAtMs: cap.capReachedAtMs },
  };
}

/**
 * Records, once per agent capped on `day`, that its cap is lifted. Caps are
 * keyed by day and lift by themselves at midnight; this leaves the audit
 * trail that says so, and the day item's mark makes a second run a no-op.
 */
export async function resetCaps(
  deps: CapResetDeps,
  day: string,
  counts: CapResetCounts,
  requestId?: string,
): Promise<void> {
  const agents = await deps.spendDays.cappedAgents(day);

  await forEachBounded(agents, ITEM_CONCURRENCY, async (agentDay) => {
    const cap = await deps.spendDays.readCap(agentDay);
    if (!cap || cap.resetRecorded) return;
    if (cap.workspaceId === undefined) {
      logger.warn('capped day item names no workspace; reset not audited', { ...agentDay });
      return;
    }

    const event = capResetEvent({ ...cap, workspaceId: cap.workspaceId }, deps.now(), requestId);
    if (await deps.spendDays.recordCapReset(agentDay, event)) counts.capResets += 1;
  });
}
