import { plural } from '../plural.js';
import { formatTable } from '../table.js';
import type { Replay } from './cap-reset-replay.js';

/** After a table of piped-in messages: the commands that delete the replayed ones. */
function deleteLines(replays: readonly Replay[]): string[] {
  const deletes = replays
    .filter((run) => run.ok && run.receiptHandle && run.deleted === undefined)
    .map(
      (run) =>
        `  aws sqs delete-message --queue-url "$DLQ_URL" --receipt-handle '${run.receiptHandle}'`,
    );
  return deletes.length > 0 ? ['', 'Delete the replayed messages:', ...deletes] : [];
}

/** After a table of messages read from the queue: what became of them. */
function queueLines(replays: readonly Replay[]): string[] {
  const received = replays.filter((run) => run.deleted !== undefined);
  if (received.length === 0) return [];
  const deleted = received.filter((run) => run.deleted).length;
  return [
    '',
    `${plural(deleted, 'message')} deleted; ${received.length - deleted} left in the queue.`,
  ];
}

/** A table of the replays, then what to do with or what became of their messages. */
export function replayLines(replays: readonly Replay[]): string[] {
  if (replays.length === 0) return ['No dead letter: nothing to replay.'];
  const table = formatTable(
    [
      { header: 'MESSAGE', value: (run: Replay) => run.messageId },
      { header: 'SCHEDULED TIME', value: (run) => run.scheduledTime },
      { header: 'OUTCOME', value: (run) => (run.ok ? 'done' : 'failed') },
      { header: 'DAYS', value: (run) => run.result?.days.join(' ') },
      { header: 'CAP RESETS', value: (run) => run.result?.capResets, align: 'right' },
      { header: 'RELEASED', value: (run) => run.result?.reservationsReleased, align: 'right' },
      { header: 'SWEPT', value: (run) => run.result?.secretsSwept, align: 'right' },
      { header: 'ERROR', value: (run) => run.error },
    ],
    replays,
  );
  return [...table, ...deleteLines(replays), ...queueLines(replays)];
}
