import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayTotals, TokenCounts } from '../../../../functions/domain/spend/ports.js';
import {
  daySpendReport,
  monthUsageReport,
} from '../../../../functions/domain/spend/spend-report.js';

const MICRO = 1_000_000;
const TOKENS: TokenCounts = { input: 10, output: 20, cacheCreation: 3, cacheRead: 4 };

function dayTotals(spentMicroCents: number, reservedMicroCents = 0): DayTotals {
  return { spentMicroCents, reservedMicroCents, calls: 2, tokens: TOKENS };
}

describe('daySpendReport', () => {
  it('rounds spend up and the remaining budget down', () => {
    const report = daySpendReport('2026-03-14', 100, dayTotals(10_000_001));

    expect(report).toEqual({
      day: '2026-03-14',
      spentCents: 11,
      reservedCents: 0,
      capCents: 100,
      remainingCents: 89,
      calls: 2,
      tokens: TOKENS,
      resetsAt: '2026-03-15T00:00:00.000Z',
    });
  });

  it('counts reserved spend against the remaining budget', () => {
    const report = daySpendReport('2026-03-14', 100, dayTotals(20 * MICRO, 30 * MICRO + 1));

    expect(report.reservedCents).toBe(31);
    expect(report.remainingCents).toBe(49);
  });

  it('shows no budget left, not a negative one, when spend passed the cap', () => {
    const report = daySpendReport('2026-03-14', 100, dayTotals(150 * MICRO, 10 * MICRO));

    expect(report.spentCents).toBe(150);
    expect(report.remainingCents).toBe(0);
  });

  it('shows a fraction of a cent as one cent spent and none remaining', () => {
    const report = daySpendReport('2026-03-14', 1, dayTotals(350_000));

    expect(report.spentCents).toBe(1);
    expect(report.remainingCents).toBe(0);
  });

  it('resets at the first midnight after the day, across month and year ends', () => {
    const ends = ['2026-02-28', '2028-02-28', '2026-12-31'].map(
      (day) => daySpendReport(day, 100, dayTotals(0)).resetsAt,
    );

    expect(ends).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2028-02-29T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });
});

describe('monthUsageReport', () => {
  it('reports hosted and BYO apart and together, rounded up', () => {
    const report = monthUsageReport('2026-03', {
      hosted: { spentMicroCents: 1_500_000, calls: 3, tokens: TOKENS },
      byo: { spentMicroCents: 2_000_000, calls: 1, tokens: TOKENS },
    });

    expect(report).toEqual({
      month: '2026-03',
      hosted: { spentCents: 2, calls: 3, tokens: TOKENS },
      byo: { spentCents: 2, calls: 1, tokens: TOKENS },
      total: { spentCents: 4, calls: 4 },
    });
  });
});

describe('daySpendReport properties', () => {
  const capCents = fc.nat({ max: 10_000_000 });
  const microCents = fc.nat({ max: 20_000_000 * MICRO });

  it('never shows less spend nor more budget than there really is, nor a negative budget', () => {
    fc.assert(
      fc.property(capCents, microCents, microCents, (cap, spent, reserved) => {
        const report = daySpendReport('2026-03-14', cap, dayTotals(spent, reserved));

        const realRemaining = Math.max(0, cap * MICRO - spent - reserved);
        expect(report.spentCents * MICRO).toBeGreaterThanOrEqual(spent);
        expect(report.spentCents * MICRO - spent).toBeLessThan(MICRO);
        expect(report.reservedCents * MICRO).toBeGreaterThanOrEqual(reserved);
        expect(report.remainingCents).toBeGreaterThanOrEqual(0);
        expect(report.remainingCents * MICRO).toBeLessThanOrEqual(realRemaining);
        expect(realRemaining - report.remainingCents * MICRO).toBeLessThan(MICRO);
      }),
    );
  });
});
