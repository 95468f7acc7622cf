import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOfUsage } from '../../../functions/domain/pricing/index.js';
import {
  addCounts,
  type Counts,
  countsArbitrary,
  geoArbitrary,
  modelArbitrary,
  usageOf,
} from './arbitraries.js';

const COUNT_FIELDS = ['input', 'output', 'write5m', 'write1h', 'read'] as const;

function costOf(counts: Counts, model: string, geo?: string | null): number {
  return costOfUsage(usageOf(counts, geo), model).microCents;
}

describe('costOfUsage properties', () => {
  it('is never negative and equals its lines plus the geo uplift', () => {
    fc.assert(
      fc.property(countsArbitrary, modelArbitrary, geoArbitrary, (counts, model, geo) => {
        const cost = costOfUsage(usageOf(counts, geo), model);

        const linesTotal = Object.values(cost.lines).reduce((sum, line) => sum + line, 0);
        expect(cost.microCents).toBeGreaterThanOrEqual(0);
        expect(cost.geoUpliftMicroCents).toBeGreaterThanOrEqual(0);
        expect(cost.microCents).toBe(linesTotal + cost.geoUpliftMicroCents);
      }),
    );
  });

  it('never falls when any single token count grows', () => {
    const field = fc.constantFrom(...COUNT_FIELDS);
    const extra = fc.nat({ max: 1_000_000 });

    fc.assert(
      fc.property(
        countsArbitrary,
        modelArbitrary,
        geoArbitrary,
        field,
        extra,
        (counts, model, geo, grown, delta) => {
          const larger = { ...counts, [grown]: counts[grown] + delta };

          expect(costOf(larger, model, geo)).toBeGreaterThanOrEqual(costOf(counts, model, geo));
        },
      ),
    );
  });

  it('is additive across calls without a geo uplift', () => {
    fc.assert(
      fc.property(countsArbitrary, countsArbitrary, modelArbitrary, (first, second, model) => {
        const together = costOf(addCounts(first, second), model);

        expect(together).toBe(costOf(first, model) + costOf(second, model));
      }),
    );
  });

  it('charges US-only inference exactly 11/10 of the standard cost, rounded up', () => {
    fc.assert(
      fc.property(countsArbitrary, modelArbitrary, (counts, model) => {
        const standard = costOf(counts, model);

        const usOnly = costOf(counts, model, 'us');

        expect(usOnly * 10).toBeGreaterThanOrEqual(standard * 11);
        expect(usOnly * 10).toBeLessThan(standard * 11 + 10);
      }),
    );
  });
});
