import { microCentsToCents, microCentsToCentsRoundedDown } from '../pricing/index.js';
import type { DayTotals, MonthTotals } from './ports.js';
import { nextUtcMidnight } from './utc-day.js';

/**
 * An agent's day as the API shows it. Spend is rounded up to the cent and the
 * remaining budget down, so neither ever looks better than it is.
 */
export function daySpendReport(day: string, capCents: number, totals: DayTotals) {
  const capMicroCents = capCents * 1_000_000;
  const remainingMicroCents = Math.max(
    0,
    capMicroCents - totals.spentMicroCents - totals.reservedMicroCents,
  );
  return {
    day,
    spentCents: microCentsToCents(totals.spentMicroCents),
    reservedCents: microCentsToCents(totals.reservedMicroCents),
    capCents,
    remainingCents: microCentsToCentsRoundedDown(remainingMicroCents),
    calls: totals.calls,
    tokens: totals.tokens,
    resetsAt: nextUtcMidnight(new Date(`${day}T00:00:00Z`)).toISOString(),
  };
}

/** A workspace's month, hosted and BYO apart and together. */
export function monthUsageReport(month: string, totals: MonthTotals) {
  const side = (part: MonthTotals['hosted']) => ({
    spentCents: microCentsToCents(part.spentMicroCents),
    calls: part.calls,
    tokens: part.tokens,
  });
  return {
    month,
    hosted: side(totals.hosted),
    byo: side(totals.byo),
    total: {
      spentCents: microCentsToCents(totals.hosted.spentMicroCents + totals.byo.spentMicroCents),
      calls: totals.hosted.calls + totals.byo.calls,
    },
  };
}
