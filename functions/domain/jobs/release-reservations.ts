import { forEachBounded, ITEM_CONCURRENCY } from './for-each-bounded.js';
import type { CapResetCounts, CapResetDeps } from './ports.js';

/**
 * Gives back what calls of a finished day still hold: a reservation left
 * behind by a function that timed out or crashed between reserve and settle.
 * Only past days are read, so no running call loses its reservation; one
 * that settles after all is counted at its cost without it (see spend-ledger).
 */
export async function releaseStaleReservations(
  deps: CapResetDeps,
  day: string,
  counts: CapResetCounts,
): Promise<void> {
  const agents = await deps.spendDays.activeAgents(day);

  await forEachBounded(agents, ITEM_CONCURRENCY, async (agentDay) => {
    const reservations = await deps.spendDays.readReservations(agentDay);
    for (const reservation of reservations) {
      if (await deps.spendDays.releaseReservation(reservation)) {
        counts.reservationsReleased += 1;
        counts.microCentsReleased += reservation.microCents;
      }
    }
  });
}
