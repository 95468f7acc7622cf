import { daysToProcess, jobInstant } from './job-days.js';
import type { StepFailure } from './job-errors.js';
import type { CapResetCounts, CapResetDeps } from './ports.js';
import { releaseStaleReservations } from './release-reservations.js';
import { resetCaps } from './reset-caps.js';
import { sweepOrphanedSecrets } from './sweep-secrets.js';

/** The steps a run takes, as named in logs and failures. */
export const CAP_RESET_STEP = {
  capResets: 'cap-resets',
  staleReservations: 'stale-reservations',
  secretSweep: 'secret-sweep',
} as const;

export interface CapResetInput {
  /** ISO instant the schedule fired for; absent for a manual run. */
  readonly scheduledTime?: string;
  /** Written on the audit events, to find the run's log lines. */
  readonly requestId?: string;
}

/** What the handler answers: the days processed and what was done on them. */
export interface CapResetResult extends CapResetCounts {
  readonly days: readonly string[];
}

/** A run's result, with the steps that failed and were left for a retry. */
export interface CapResetRun {
  readonly result: CapResetResult;
  /** Empty when every step finished. */
  readonly failures: readonly StepFailure[];
}

interface StepRun {
  readonly step: string;
  readonly day?: string;
  readonly run: () => Promise<void>;
}

/**
 * The daily job: for the day that ended and the one before, record cap resets
 * and release stale reservations; then sweep orphaned key secrets. Each step
 * runs even when an earlier one failed, and each is idempotent, so a retry of
 * the whole run only finishes what is left and a second run changes nothing.
 */
export async function runCapReset(deps: CapResetDeps, input: CapResetInput): Promise<CapResetRun> {
  const days = daysToProcess(jobInstant(input.scheduledTime, deps.now()));
  const counts: CapResetCounts = {
    capResets: 0,
    reservationsReleased: 0,
    microCentsReleased: 0,
    secretsSwept: 0,
  };

  const steps: StepRun[] = [
    ...days.map((day) => ({
      step: CAP_RESET_STEP.capResets,
      day,
      run: () => resetCaps(deps, day, counts, input.requestId),
    })),
    ...days.map((day) => ({
      step: CAP_RESET_STEP.staleReservations,
      day,
      run: () => releaseStaleReservations(deps, day, counts),
    })),
    { step: CAP_RESET_STEP.secretSweep, run: () => sweepOrphanedSecrets(deps, counts) },
  ];

  const failures = await runEach(steps);
  return { result: { days, ...counts }, failures };
}

/** Runs the steps one after another, keeping going past a failed one. */
async function runEach(steps: readonly StepRun[]): Promise<StepFailure[]> {
  const failures: StepFailure[] = [];
  for (const { step, day, run } of steps) {
    try {
      await run();
    } catch (error) {
      failures.push({ step, ...(day ? { day } : {}), error });
    }
  }
  return failures;
}
