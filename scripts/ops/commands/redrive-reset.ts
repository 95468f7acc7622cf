import { ENV } from '../../../functions/shared/environment.js';
import type { Command, CommandContext } from '../command.js';
import { type DeadLetter, parseDeadLetters } from '../dead-letters.js';
import { OpsError } from '../errors.js';
import { readAll } from '../io.js';
import { type Replay, replay } from '../reports/cap-reset-replay.js';
import { formatTable } from '../table.js';

const RECEIVE =
  'aws sqs receive-message --queue-url "$DLQ_URL" --max-number-of-messages 10 --visibility-timeout 900';

/** The runs to replay: the times given, else the messages piped in. */
async function deadLettersOf({ options, io, target }: CommandContext): Promise<DeadLetter[]> {
  const times = options['scheduled-time'];
  if (Array.isArray(times) && times.length > 0) {
    return times.map((time) => ({ scheduledTime: String(time) }));
  }
  if (!io.stdin.isTTY) return parseDeadLetters(await readAll(io.stdin));

  // Known gap: with @aws-sdk/client-sqs this command would receive and delete the messages itself.
  throw new OpsError(
    target.kind === 'local'
      ? 'the local stack has no dead-letter queue (moto never fires schedules): pass --scheduled-time'
      : `reading the queue needs @aws-sdk/client-sqs, which is not installed: pipe \`${RECEIVE}\` in, or pass --scheduled-time`,
  );
}

function replayLines(replays: readonly Replay[]): string[] {
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
  const deletable = replays.filter((run) => run.ok && run.receiptHandle);
  const deletes = deletable.map(
    (run) =>
      `  aws sqs delete-message --queue-url "$DLQ_URL" --receipt-handle '${run.receiptHandle}'`,
  );
  return deletes.length > 0 ? [...table, '', 'Delete the replayed messages:', ...deletes] : table;
}

export const redriveResetCommand: Command = {
  name: 'redrive-reset',
  summary: 'replay the cap-reset runs parked in the dead-letter queue',
  help: `Usage: npm run ops -- redrive-reset [--scheduled-time ISO ...]
       ${RECEIVE} \\
         | npm run ops -- --stage prod --environment-file env.json redrive-reset

Runs the cap-reset function's handler in this process, once per dead letter,
with the scheduledTime the message carries, against the target's tables and
vault (with your credentials). Every step of the job is idempotent. Exits with
1 when any run failed; its message stays in the queue.

Known gap: @aws-sdk/client-sqs is not installed, so this command does not read
or delete queue messages itself: pipe \`aws sqs receive-message\` output in, and
delete each replayed message with the \`aws sqs delete-message\` line it prints.
The local stack has no queue; pass the time instead.

  --scheduled-time ISO   replay the run of this time (repeatable), e.g.
                         2026-01-02T00:00:00Z; standard input is then not read`,
  options: { 'scheduled-time': { type: 'string', multiple: true } },
  positionals: { min: 0, max: 0 },
  needs: [ENV.agentsTable, ENV.countersTable, ENV.auditTable, ENV.vaultPrefix],

  async execute(context) {
    const replays: Replay[] = [];
    for (const letter of await deadLettersOf(context)) replays.push(await replay(letter));
    context.out.report(replays, replayLines);
    return replays.every((run) => run.ok) ? 0 : 1;
  },
};
