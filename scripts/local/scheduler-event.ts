import type { CapResetEvent } from '../../functions/handlers/cap-reset.js';
import { loadHandler, localFunctionName } from './handler-modules.js';
import { lambdaContext } from './lambda-context.js';

/**
 * Exactly the input the stack's schedule gives the function
 * (lib/constructs/cap-reset-schedule.ts): the scheduled time, not the delivery
 * time, so the job can tell which day ended. Scheduler's
 * `<aws.scheduler.scheduled-time>` has whole seconds and no milliseconds.
 */
export function schedulerEvent(scheduledAt: Date): CapResetEvent {
  return { scheduledTime: scheduledAt.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** Runs the cap-reset function once, as the schedule would at `scheduledAt`. */
export async function invokeCapReset(scheduledAt: Date): Promise<unknown> {
  const handler = await loadHandler('cap-reset');
  const context = lambdaContext(localFunctionName('cap-reset'), 15 * 60 * 1000);
  return handler(schedulerEvent(scheduledAt), context);
}
