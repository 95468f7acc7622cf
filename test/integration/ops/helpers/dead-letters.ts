import { seedTestWorkspace } from '../../../support/fixtures.js';
import { dayAfter, farPastDay, putCappedDayItem } from './moto.js';

/** An agent refused on a far-past day, and the time of the run that resets it. */
export async function cappedAgent() {
  const day = farPastDay();
  const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
  const agentId = workspace.agentIds[0]!;
  await putCappedDayItem(agentId, workspace.id, day);
  return { day, agentId, scheduledTime: `${dayAfter(day)}T00:00:00Z` };
}

/** What the scheduler parks in the queue when it cannot deliver a run: its event. */
export const undeliveredEvent = (scheduledTime: string) => ({ scheduledTime });

/** What Lambda sends the queue for a run that failed its retries: the event as `requestPayload`. */
export const failedInvocation = (scheduledTime: string) => ({
  version: '1.0',
  requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
  requestPayload: { scheduledTime },
  responsePayload: { errorType: 'JobIncompleteError' },
});
