import type { CapResetResult } from '../../../functions/domain/jobs/run-cap-reset.js';
import { loadHandler } from '../../local/handler-modules.js';
import { lambdaContext } from '../../local/lambda-context.js';
import type { DeadLetter } from '../dead-letters.js';
import { describeFailure } from '../errors.js';

/** What one replay did. */
export interface Replay {
  readonly messageId?: string;
  readonly receiptHandle?: string;
  readonly scheduledTime?: string;
  readonly ok: boolean;
  readonly result?: CapResetResult;
  readonly error?: string;
  /** For a message read from the queue: true when deleted, false when left in the queue. */
  readonly deleted?: boolean;
}

/** The deployed function's timeout (lib/constructs/service-functions.ts), as its context says. */
export const JOB_TIMEOUT_MS = 300_000;

/**
 * Runs the cap-reset function's own handler in this process for a dead
 * letter, with the event the schedule sent, against the target's tables and
 * vault, with the operator's credentials. Every step of the job is
 * idempotent, so replaying a run that half succeeded only finishes it.
 */
export async function replay(letter: DeadLetter): Promise<Replay> {
  const { messageId, receiptHandle, scheduledTime } = letter;
  const base = { messageId, receiptHandle, scheduledTime };
  if (scheduledTime === undefined) {
    return { ...base, ok: false, error: 'the message names no scheduledTime; left in the queue' };
  }

  const handler = await loadHandler('cap-reset');
  try {
    const result = (await handler(
      { scheduledTime },
      lambdaContext('ops-redrive-cap-reset', JOB_TIMEOUT_MS),
    )) as CapResetResult;
    return { ...base, ok: true, result };
  } catch (error) {
    return { ...base, ok: false, error: describeFailure(error) };
  }
}
