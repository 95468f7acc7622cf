/** Stable codes of the daily job's failures. */
export const JOB_ERROR_CODE = {
  invalidInput: 'job_invalid_input',
  incomplete: 'job_incomplete',
} as const;

export type JobErrorCode = (typeof JOB_ERROR_CODE)[keyof typeof JOB_ERROR_CODE];

/** One step (for one day, where steps work per day) that did not finish. */
export interface StepFailure {
  readonly step: string;
  readonly day?: string;
  readonly error: unknown;
}

/** The scheduler sent something the job cannot work from; retrying would not help. */
export class JobInputError extends Error {
  readonly code: JobErrorCode = JOB_ERROR_CODE.invalidInput;

  constructor(message: string) {
    super(message);
    this.name = 'JobInputError';
  }
}

/**
 * Some steps failed after the others ran. Thrown so that the scheduler
 * retries and, after its retries, parks the run in the dead-letter queue;
 * every step is idempotent, so a retry redoes only what is left.
 */
export class JobIncompleteError extends Error {
  readonly code: JobErrorCode = JOB_ERROR_CODE.incomplete;
  readonly failures: readonly StepFailure[];

  constructor(failures: readonly StepFailure[]) {
    const names = failures.map((failure) => [failure.step, failure.day].filter(Boolean).join(' '));
    super(`Cap reset incomplete: ${names.join(', ')} failed`, {
      cause: new AggregateError(failures.map((failure) => failure.error)),
    });
    this.name = 'JobIncompleteError';
    this.failures = failures;
  }
}
