import { randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws-target.js';
import { loadHandler, localFunctionName } from './handler-modules.js';
import { lambdaContext } from './lambda-context.js';

/** The local stand-in for the stack's daily schedule. */
const SCHEDULE_NAME = 'local-cap-reset';

/**
 * The notification EventBridge Scheduler sends a Lambda target that has no
 * input of its own: an EventBridge-style envelope whose `time` is the
 * scheduled time, not the delivery time, so the job can tell which day ended.
 */
export function schedulerEvent(scheduledAt: Date) {
  const region = process.env.AWS_REGION ?? LOCAL_REGION;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: LOCAL_ACCOUNT_ID,
    time: scheduledAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [
      `arn:aws:scheduler:${region}:${LOCAL_ACCOUNT_ID}:schedule/default/${SCHEDULE_NAME}`,
    ],
    detail: {},
  };
}

/** Runs the cap-reset function once, as the schedule would at `scheduledAt`. */
export async function invokeCapReset(scheduledAt: Date): Promise<unknown> {
  const handler = await loadHandler('cap-reset');
  const context = lambdaContext(localFunctionName('cap-reset'), 15 * 60 * 1000);
  return handler(schedulerEvent(scheduledAt), context);
}
