import { type DeadLetterQueue, deadLetterQueue, RECEIVE_BATCH } from '../data/dead-letter-queue.js';
import type { DeadLetter } from '../dead-letters.js';
import { describeFailure, OpsError } from '../errors.js';
import { plural } from '../plural.js';
import { JOB_TIMEOUT_MS, type Replay, replay } from './cap-reset-replay.js';

/**
 * How long received messages stay hidden from other readers: the runs of a
 * batch go one after another, each for at most the job's timeout, and ten
 * minutes spare. Messages left in the queue are released at the end.
 */
export const VISIBILITY_TIMEOUT_SECONDS = (RECEIVE_BATCH * JOB_TIMEOUT_MS) / 1000 + 600;

/** Replays a message's run, and deletes the message only when the run succeeded. */
async function replayAndDelete(queue: DeadLetterQueue, letter: DeadLetter): Promise<Replay> {
  const run = await replay(letter);
  if (!run.ok || !letter.receiptHandle) return { ...run, deleted: false };
  try {
    await queue.delete(letter.receiptHandle);
    return { ...run, deleted: true };
  } catch (error) {
    return { ...run, deleted: false, error: `replayed, not deleted: ${describeFailure(error)}` };
  }
}

/**
 * Makes the messages left in the queue visible again, so that the next
 * redrive sees them at once and the dead-letter alarm keeps counting them.
 * Best effort: a message not released shows again when its timeout ends.
 */
async function releaseKept(queue: DeadLetterQueue, replays: readonly Replay[]): Promise<void> {
  for (const run of replays) {
    if (run.deleted || !run.receiptHandle) continue;
    await queue.release(run.receiptHandle).catch(() => undefined);
  }
}

async function receiveNext(queue: DeadLetterQueue, count: number, replayed: number) {
  try {
    return await queue.receive(count, VISIBILITY_TIMEOUT_SECONDS);
  } catch (error) {
    const after = replayed > 0 ? ` after ${plural(replayed, 'message')}` : '';
    throw new OpsError(`cannot receive from the dead-letter queue${after}`, { cause: error });
  }
}

/**
 * Empties the dead-letter queue of the runs that replay: receives up to
 * `maxMessages` messages, ten at a time, replays each message's run and
 * deletes the message when the run succeeded. A message whose run failed, or
 * that names no run, stays in the queue.
 */
export async function redriveQueue(queueUrl: string, maxMessages: number): Promise<Replay[]> {
  const queue = deadLetterQueue(queueUrl);
  const replays: Replay[] = [];
  try {
    while (replays.length < maxMessages) {
      const letters = await receiveNext(queue, maxMessages - replays.length, replays.length);
      if (letters.length === 0) break;
      for (const letter of letters) replays.push(await replayAndDelete(queue, letter));
    }
  } finally {
    await releaseKept(queue, replays);
    queue.close();
  }
  return replays;
}
