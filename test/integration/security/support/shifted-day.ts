import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, vi } from 'vitest';
import type { CapResetResult } from '../../../../functions/domain/jobs/run-cap-reset.js';
import { lambdaContext } from '../../../../scripts/local/lambda-context.js';
import { schedulerEvent } from '../../../../scripts/local/scheduler-event.js';

const DAY_MS = 86_400_000;

/** A day of its own for one test file, and the means to end it with the daily job. */
export interface ShiftedDay {
  /** `yyyy-mm-dd`, the UTC day this worker's clock shows. */
  readonly day: string;
  /** Moves this worker's clock forward, within the day. */
  advance(ms: number): void;
  /** Runs the cap-reset job as the schedule would at the midnight that ends the day. */
  runDailyJob(): Promise<CapResetResult>;
}

/**
 * Puts this worker's clock (`Date` only; timers stay real) on a random day of
 * a past year no other test file uses, from 01:00 UTC. Reservations, caps and
 * the daily job then work on that day alone, so running the job here cannot
 * release a reservation of a call another file has in flight today.
 */
export function useShiftedDay(year: number): ShiftedDay {
  const startMs = Date.UTC(year, 0, 1) + randomInt(0, 360) * DAY_MS + 3_600_000;
  const day = new Date(startMs).toISOString().slice(0, 10);

  beforeAll(() => {
    vi.useFakeTimers({ now: startMs, toFake: ['Date'], shouldAdvanceTime: true });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  return {
    day,
    advance: (ms) => vi.setSystemTime(Date.now() + ms),
    async runDailyJob() {
      const { handler } = await import('../../../../functions/handlers/cap-reset.js');
      const midnight = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
      const invoke = handler as unknown as (event: unknown, context: unknown) => Promise<unknown>;
      return (await invoke(
        schedulerEvent(midnight),
        lambdaContext('local-cap-reset'),
      )) as CapResetResult;
    },
  };
}
