import { describeError, logLine } from './local-log.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Slack so that a timer firing a little early or late never runs the task twice in a night. */
const EARLY_FIRE_SLACK_MS = 1000;

/** Milliseconds from `nowMs` to the next 00:00:00Z at least a second away. */
export function msUntilNextMidnightUtc(nowMs: number): number {
  const nextMidnightMs = Math.ceil((nowMs + EARLY_FIRE_SLACK_MS) / DAY_MS) * DAY_MS;
  return nextMidnightMs - nowMs;
}

/**
 * Runs a task at every midnight UTC, like the stack's EventBridge schedule.
 * Moto offers EventBridge Scheduler but never fires a schedule, so the local
 * stack keeps its own timer, re-armed after each run. A failed run is logged
 * and the next night runs anyway, as Lambda would after its retries.
 */
export function runDailyAtMidnightUtc(task: (scheduledAt: Date) => Promise<unknown>): {
  cancel(): void;
} {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;

  const arm = () => {
    if (cancelled) return;
    const nowMs = Date.now();
    const delayMs = msUntilNextMidnightUtc(nowMs);
    const scheduledAt = new Date(nowMs + delayMs);
    timer = setTimeout(() => {
      task(scheduledAt)
        .catch((error: unknown) =>
          logLine('ERROR', 'daily task failed', { error: describeError(error) }),
        )
        .finally(arm);
    }, delayMs);
    timer.unref();
  };

  arm();
  return {
    cancel: () => {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
