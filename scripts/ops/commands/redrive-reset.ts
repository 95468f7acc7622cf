import { ENV } from '../../../functions/shared/environment.js';
import type { Command, CommandContext } from '../command.js';
import { STACK_OUTPUT } from '../data/stack-outputs.js';
import { type DeadLetter, parseDeadLetters } from '../dead-letters.js';
import { OpsError } from '../errors.js';
import { readAll } from '../io.js';
import { type Replay, replay } from '../reports/cap-reset-replay.js';
import { redriveQueue, VISIBILITY_TIMEOUT_SECONDS } from '../reports/queue-redrive.js';
import { replayLines } from '../reports/replay-lines.js';
import type { Target } from '../target.js';

const DEFAULT_MAX_MESSAGES = 100;

const LOCAL_HINT =
  'the local stack has no dead-letter queue (moto never fires schedules): ' +
  'pass --scheduled-time, or --queue-url for a queue of your own';

function maxMessagesOption(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_MESSAGES;
  const text = String(value);
  const count = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  if (count < 1) throw new OpsError(`--max-messages must be a whole number from 1; got "${text}"`);
  return count;
}

async function replayEach(letters: readonly DeadLetter[]): Promise<Replay[]> {
  const replays: Replay[] = [];
  for (const letter of letters) replays.push(await replay(letter));
  return replays;
}

/** The stage's own dead-letter queue, as its stack names it. */
async function stackQueueUrl(target: Extract<Target, { kind: 'aws' }>): Promise<string> {
  const queueUrl = (await target.outputs())[STACK_OUTPUT.deadLetterQueueUrl];
  if (queueUrl) return queueUrl;
  throw new OpsError(
    `stack ${target.stackName} has no output ${STACK_OUTPUT.deadLetterQueueUrl}: ` +
      'deploy the current version, or pass --queue-url',
  );
}

/**
 * Replays the runs of the first source given: the times, the queue named,
 * the messages piped in, else the stage's own queue. Empty input counts as
 * none, so that a run with nothing piped in (cron, CI) still reads the queue.
 */
async function replaysOf({ options, io, target }: CommandContext): Promise<Replay[]> {
  const times = Array.isArray(options['scheduled-time']) ? options['scheduled-time'] : [];
  const queueUrl = typeof options['queue-url'] === 'string' ? options['queue-url'] : undefined;
  const maxMessages = maxMessagesOption(options['max-messages']);
  if (times.length > 0 && queueUrl) {
    throw new OpsError('pass either --scheduled-time or --queue-url, not both');
  }

  if (times.length > 0) return replayEach(times.map((time) => ({ scheduledTime: String(time) })));
  if (queueUrl) return redriveQueue(queueUrl, maxMessages);
  if (target.kind === 'local' && io.stdin.isTTY) throw new OpsError(LOCAL_HINT);
  const piped = io.stdin.isTTY ? '' : await readAll(io.stdin);
  if (piped.trim() !== '' || target.kind === 'local') return replayEach(parseDeadLetters(piped));
  return redriveQueue(await stackQueueUrl(target), maxMessages);
}

export const redriveResetCommand: Command = {
  name: 'redrive-reset',
  summary: 'replay the cap-reset runs parked in the dead-letter queue',
  help: `Usage: npm run ops -- redrive-reset [--queue-url URL] [--max-messages N]
       npm run ops -- redrive-reset --scheduled-time ISO [--scheduled-time ISO ...]

Runs the cap-reset function's handler in this process, once per dead letter,
with the scheduledTime the message carries, against the target's tables and
vault (with your credentials). Every step of the job is idempotent.

On a stage it reads the queue the stack names (output ${STACK_OUTPUT.deadLetterQueueUrl}):
it receives up to --max-messages messages, ten at a time, each hidden from other
readers for ${VISIBILITY_TIMEOUT_SECONDS / 60} minutes, replays each message's run and deletes the message
once its run succeeded. A message whose run failed, or that names no run, stays
in the queue, visible again at once, and the command exits with 1.

  --queue-url URL        read this queue instead; the local stack has none of its own
  --max-messages N       receive at most N messages (default ${DEFAULT_MAX_MESSAGES})
  --scheduled-time ISO   replay the run of this time (repeatable), e.g.
                         2026-01-02T00:00:00Z; no queue is read

The output of \`aws sqs receive-message\` piped in is replayed instead of the
queue; for each run that succeeded, the \`aws sqs delete-message\` line to run is
printed.`,
  options: {
    'queue-url': { type: 'string' },
    'max-messages': { type: 'string' },
    'scheduled-time': { type: 'string', multiple: true },
  },
  positionals: { min: 0, max: 0 },
  needs: [ENV.agentsTable, ENV.countersTable, ENV.auditTable, ENV.vaultPrefix],

  async execute(context) {
    const replays = await replaysOf(context);
    context.out.report(replays, replayLines);
    return replays.every((run) => run.ok && run.deleted !== false) ? 0 : 1;
  },
};
