import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToMicroCents,
  MICRO_CENTS_PER_CENT,
  microCentsToCents,
  microCentsToCentsRoundedDown,
  PRICING_ERROR_CODE,
} from '../../../functions/domain/pricing/index.js';

/** The largest whole-cent amount whose micro-cents stay a safe integer. */
const MAX_SAFE_CENTS = Math.floor(Number.MAX_SAFE_INTEGER / MICRO_CENTS_PER_CENT);

const safeMicroCents = fc.integer({
  min: Number.MIN_SAFE_INTEGER,
  max: Number.MAX_SAFE_INTEGER,
});

const safeCents = fc.integer({ min: -MAX_SAFE_CENTS, max: MAX_SAFE_CENTS });

describe('cents conversions', () => {
  it('converts 35 cents to 35,000,000 micro-cents', () => {
    const microCents = centsToMicroCents(35);

    expect(microCents).toBe(35_000_000);
  });

  it('shows a spend of 0.35 cents as 1 cent and the same remainder as 0 cents', () => {
    const spent = microCentsToCents(350_000);

    const remaining = microCentsToCentsRoundedDown(350_000);

    expect(spent).toBe(1);
    expect(remaining).toBe(0);
  });

  it('converts a $1M daily cap exactly', () => {
    const microCents = centsToMicroCents(100_000_000);

    expect(microCents).toBe(1e14);
    expect(microCentsToCents(microCents + 1)).toBe(100_000_001);
    expect(microCentsToCentsRoundedDown(microCents - 1)).toBe(99_999_999);
  });

  it('rounds negative amounts toward their named direction', () => {
    const up = microCentsToCents(-1_500_000);

    const down = microCentsToCentsRoundedDown(-1_500_000);

    expect(up).toBe(-1);
    expect(down).toBe(-2);
  });

  it('round-trips whole cents through micro-cents', () => {
    fc.assert(
      fc.property(safeCents, (cents) => {
        const microCents = centsToMicroCents(cents);

        expect(microCentsToCents(microCents)).toBe(cents);
        expect(microCentsToCentsRoundedDown(microCents)).toBe(cents);
      }),
    );
  });

  it('brackets any micro-cent amount between its rounded-down and rounded-up cents', () => {
    fc.assert(
      fc.property(safeMicroCents, (microCents) => {
        const up = microCentsToCents(microCents);

        const down = microCentsToCentsRoundedDown(microCents);

        const whole = microCents % MICRO_CENTS_PER_CENT === 0;
        expect(up - down).toBe(whole ? 0 : 1);
        expect(BigInt(down) * 1_000_000n <= BigInt(microCents)).toBe(true);
        expect(BigInt(up) * 1_000_000n >= BigInt(microCents)).toBe(true);
      }),
    );
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses the unsafe amount %d',
    (amount) => {
      const attempts = [microCentsToCents, microCentsToCentsRoundedDown, centsToMicroCents];

      for (const convert of attempts) {
        expect(() => convert(amount)).toThrow(
          expect.objectContaining({ code: PRICING_ERROR_CODE.unsafeAmount }),
        );
      }
    },
  );

  it('refuses cents whose micro-cents would not be exact', () => {
    const attempt = () => centsToMicroCents(MAX_SAFE_CENTS + 1);

    expect(attempt).toThrow(expect.objectContaining({ code: PRICING_ERROR_CODE.unsafeAmount }));
  });
});
