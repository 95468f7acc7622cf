import type { LatencyTarget } from './latency-targets.js';
import { runLoad } from './load.js';
import { type LatencySummary, round, summarise } from './stats.js';

/** How many calls each target gets at one concurrency. */
export interface OverheadPlan {
  readonly concurrency: number;
  /** Rounds alternate the targets' order, so a drift of the machine hits all alike. */
  readonly rounds: number;
  readonly callsPerRound: number;
  readonly warmupCalls: number;
  /** Cap on one target's share of one round. */
  readonly maxRoundMs: number;
}

export interface TargetLatency extends LatencySummary {
  readonly target: string;
  readonly concurrency: number;
  readonly failures: number;
  readonly callsPerSecond: number;
  /** Latency over the direct call's, at the same percentile. */
  readonly addedP50Ms: number;
  readonly addedP99Ms: number;
  /** This target's p50 over the direct call's. */
  readonly ratioP50: number;
}

/**
 * Times every target at one concurrency, in rounds that rotate their order
 * (A/B/C, B/C/A, …). Warm: each target first gets calls that are not timed.
 * The first target must be the direct call, the baseline of the added figures.
 */
export async function measureOverhead(
  targets: readonly LatencyTarget[],
  plan: OverheadPlan,
): Promise<TargetLatency[]> {
  const samples = new Map(
    targets.map((target) => [target.name, { latencies: [] as number[], failures: 0, busyMs: 0 }]),
  );
  for (const target of targets) {
    await runLoad(target.send, {
      requests: plan.warmupCalls,
      concurrency: plan.concurrency,
      maxMs: plan.maxRoundMs,
    });
  }

  for (let roundIndex = 0; roundIndex < plan.rounds; roundIndex += 1) {
    for (const target of rotate(targets, roundIndex)) {
      const run = await runLoad(target.send, {
        requests: plan.callsPerRound,
        concurrency: plan.concurrency,
        maxMs: plan.maxRoundMs,
      });
      const sample = samples.get(target.name)!;
      sample.latencies.push(...run.latenciesMs);
      sample.failures += run.failures;
      sample.busyMs += run.elapsedMs;
      if (run.firstFailure) console.error(`  ${target.name}: ${run.firstFailure}`);
    }
  }

  const baseline = summarise(samples.get(targets[0]!.name)!.latencies);
  return targets.map((target) => {
    const sample = samples.get(target.name)!;
    const summary = summarise(sample.latencies);
    return {
      target: target.name,
      concurrency: plan.concurrency,
      ...summary,
      failures: sample.failures,
      callsPerSecond: round((summary.count / sample.busyMs) * 1000, 0),
      addedP50Ms: round(summary.p50Ms - baseline.p50Ms),
      addedP99Ms: round(summary.p99Ms - baseline.p99Ms),
      ratioP50: round(summary.p50Ms / baseline.p50Ms, 1),
    };
  });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
