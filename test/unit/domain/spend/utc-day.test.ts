import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextUtcMidnight,
  previousUtcDay,
  secondsUntilReset,
  utcDay,
  utcMonth,
} from '../../../../functions/domain/spend/utc-day.js';

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);

/** Instants from 1970 to 2200, including exact midnights and their neighbours. */
const instantArbitrary = fc.oneof(
  fc.date({
    min: at('1970-01-01T00:00:00Z'),
    max: at('2200-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc
    .tuple(fc.integer({ min: 0, max: 84_000 }), fc.constantFrom(-1, 0, 1))
    .map(([days, offsetMs]) => new Date(days * DAY_MS + offsetMs)),
);

describe('utcDay and utcMonth', () => {
  it('puts the last millisecond before midnight UTC in the old day', () => {
    const day = utcDay(at('2026-03-31T23:59:59.999Z'));

    expect(day).toBe('2026-03-31');
  });

  it('puts midnight UTC in the new day and month', () => {
    const instant = at('2026-04-01T00:00:00.000Z');

    expect(utcDay(instant)).toBe('2026-04-01');
    expect(utcMonth(instant)).toBe('2026-04');
  });

  it('uses UTC, not the offset an instant was written with', () => {
    const instant = at('2026-12-31T23:30:00-02:00');

    expect(utcDay(instant)).toBe('2027-01-01');
    expect(utcMonth(instant)).toBe('2027-01');
  });
});

describe('nextUtcMidnight', () => {
  it.each([
    ['2026-03-14T12:00:00.000Z', '2026-03-15T00:00:00.000Z'],
    ['2026-03-14T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
    ['2026-03-14T23:59:59.999Z', '2026-03-15T00:00:00.000Z'],
    ['2026-02-28T10:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['2028-02-28T10:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['2026-12-31T18:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('after %s is %s', (instant, expected) => {
    const midnight = nextUtcMidnight(at(instant));

    expect(midnight.toISOString()).toBe(expected);
  });
});

describe('secondsUntilReset', () => {
  it('is a full day at midnight', () => {
    const seconds = secondsUntilReset(at('2026-03-14T00:00:00.000Z'));

    expect(seconds).toBe(86_400);
  });

  it('is 1 in the last millisecond of a day', () => {
    const seconds = secondsUntilReset(at('2026-03-14T23:59:59.999Z'));

    expect(seconds).toBe(1);
  });

  it('rounds a part of a second up', () => {
    const seconds = secondsUntilReset(at('2026-03-14T23:59:58.500Z'));

    expect(seconds).toBe(2);
  });
});

describe('previousUtcDay', () => {
  it.each([
    ['2026-03-15', '2026-03-14'],
    ['2026-03-01', '2026-02-28'],
    ['2028-03-01', '2028-02-29'],
    ['2027-01-01', '2026-12-31'],
  ])('before %s is %s', (day, expected) => {
    const previous = previousUtcDay(day);

    expect(previous).toBe(expected);
  });
});

describe('UTC day properties', () => {
  it('puts the next midnight after the instant, within a day, on a midnight', () => {
    fc.assert(
      fc.property(instantArbitrary, (instant) => {
        const midnight = nextUtcMidnight(instant);

        expect(midnight.getTime()).toBeGreaterThan(instant.getTime());
        expect(midnight.getTime() - instant.getTime()).toBeLessThanOrEqual(DAY_MS);
        expect(midnight.toISOString()).toMatch(/T00:00:00\.000Z$/);
        expect(utcDay(midnight)).not.toBe(utcDay(instant));
      }),
    );
  });

  it('gives at least 1 and at most 86,400 seconds until the reset', () => {
    fc.assert(
      fc.property(instantArbitrary, (instant) => {
        const seconds = secondsUntilReset(instant);

        expect(Number.isInteger(seconds)).toBe(true);
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(86_400);
      }),
    );
  });

  it('steps back exactly one calendar day', () => {
    fc.assert(
      fc.property(instantArbitrary, (instant) => {
        const day = utcDay(instant);

        expect(previousUtcDay(day)).toBe(utcDay(new Date(instant.getTime() - DAY_MS)));
      }),
    );
  });
});
