import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { forEachBounded } from '../../../functions/domain/jobs/for-each-bounded.js';

describe('forEachBounded', () => {
  it('never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, index) => index);

    await forEachBounded(items, 3, async () => {
      running += 1;
      peak = Math.max(peak, running);
      await sleep(1);
      running -= 1;
    });

    expect(peak).toBe(3);
  });

  it('finishes every item before throwing the failures together', async () => {
    const done: number[] = [];

    const run = forEachBounded([1, 2, 3, 4], 2, async (item) => {
      if (item % 2 === 0) throw new Error(`item ${item}`);
      done.push(item);
    });

    await expect(run).rejects.toSatisfy(
      (error) => error instanceof AggregateError && error.errors.length === 2,
    );
    expect(done.sort()).toEqual([1, 3]);
  });

  it('does nothing for no items', async () => {
    let calls = 0;

    await forEachBounded([], 4, async () => {
      calls += 1;
    });

    expect(calls).toBe(0);
  });
});
