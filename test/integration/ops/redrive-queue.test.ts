import { afterAll, describe, expect, it } from 'vitest';
import { awsClients } from '../../../functions/adapters/aws-clients.js';
import { withAwsFault } from '../../support/faults.js';
import { cappedAgent, failedInvocation, undeliveredEvent } from './helpers/dead-letters.js';
import { auditTypes } from './helpers/moto.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';
import { createQueue, deleteQueue, queueContents, sendMessages } from './helpers/queues.js';

/** A message the queue may hold that names no run: nothing to replay. */
const NO_RUN = JSON.stringify({ source: 'aws.scheduler', detail: 'names no run' });

/** The cap-reset step's write fails, every time: the run fails again. */
const CAP_RESET_WRITE_FAILS = {
  command: 'TransactWriteItems',
  times: 1000,
  error: { name: 'InternalServerError', httpStatusCode: 500 },
};

describe('ops redrive-reset --queue-url', () => {
  const stack = useOpsStack();
  const queues: string[] = [];
  afterAll(() => Promise.all(queues.map(deleteQueue)));

  async function queueWith(bodies: readonly unknown[]) {
    const queueUrl = await createQueue();
    queues.push(queueUrl);
    await sendMessages(queueUrl, bodies);
    return queueUrl;
  }

  it('replays the runs of both message shapes, deletes their messages and keeps the one that names no run', async () => {
    const undelivered = await cappedAgent();
    const failedRun = await cappedAgent();
    const queueUrl = await queueWith([
      undeliveredEvent(undelivered.scheduledTime),
      failedInvocation(failedRun.scheduledTime),
      NO_RUN,
    ]);

    const result = await ops([
      'redrive-reset',
      '--queue-url',
      queueUrl,
      '--json',
      ...(await stack.stackFileArgs()),
    ]);

    expect(result.exitCode).toBe(1);
    expect(await auditTypes(undelivered.agentId)).toEqual(['SPEND_CAP_RESET']);
    expect(await auditTypes(failedRun.agentId)).toEqual(['SPEND_CAP_RESET']);
    expect(result.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scheduledTime: undelivered.scheduledTime, deleted: true }),
        expect.objectContaining({ scheduledTime: failedRun.scheduledTime, deleted: true }),
        expect.objectContaining({
          ok: false,
          deleted: false,
          error: 'the message names no scheduledTime; left in the queue',
        }),
      ]),
    );
    expect(await queueContents(queueUrl)).toEqual({ visible: [NO_RUN], hidden: 0 });
  });

  it('keeps the message of a run that fails again, visible at once for the next redrive', async () => {
    const capped = await cappedAgent();
    const queueUrl = await queueWith([failedInvocation(capped.scheduledTime)]);
    const args = ['redrive-reset', '--queue-url', queueUrl, ...(await stack.stackFileArgs())];

    const failed = await withAwsFault(awsClients.dynamoDb, CAP_RESET_WRITE_FAILS, () => ops(args));
    const afterFailure = await queueContents(queueUrl);
    const retried = await ops(args);

    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(/ failed .*JobIncompleteError/);
    expect(failed.stdout).toContain('0 messages deleted; 1 left in the queue.');
    expect(afterFailure).toEqual({
      visible: [JSON.stringify(failedInvocation(capped.scheduledTime))],
      hidden: 0,
    });
    expect(retried.exitCode).toBe(0);
    expect(retried.stdout).toContain('1 message deleted; 0 left in the queue.');
    expect(await auditTypes(capped.agentId)).toEqual(['SPEND_CAP_RESET']);
    expect(await queueContents(queueUrl)).toEqual({ visible: [], hidden: 0 });
  });

  it('receives at most --max-messages messages, across several receives', async () => {
    const capped = await cappedAgent();
    const queueUrl = await queueWith(
      Array.from({ length: 12 }, () => undeliveredEvent(capped.scheduledTime)),
    );

    const result = await ops([
      'redrive-reset',
      '--queue-url',
      queueUrl,
      '--max-messages',
      '11',
      '--json',
      ...(await stack.stackFileArgs()),
    ]);

    expect(result.exitCode).toBe(0);
    const replays = result.json();
    expect(replays).toHaveLength(11);
    expect(replays.every((run: { deleted: boolean }) => run.deleted)).toBe(true);
    expect((await queueContents(queueUrl)).visible).toHaveLength(1);
  });

  it('says there is nothing to replay when the queue is empty', async () => {
    const queueUrl = await queueWith([]);

    const result = await ops([
      'redrive-reset',
      '--queue-url',
      queueUrl,
      ...(await stack.stackFileArgs()),
    ]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('No dead letter: nothing to replay.\n');
  });

  it('refuses a --max-messages below 1 and --queue-url beside --scheduled-time', async () => {
    const files = await stack.stackFileArgs();

    const zero = await ops(['redrive-reset', '--queue-url', 'q', '--max-messages', '0', ...files]);
    const both = await ops([
      'redrive-reset',
      '--queue-url',
      'q',
      '--scheduled-time',
      '2026-01-02T00:00:00Z',
      ...files,
    ]);

    expect(zero.exitCode).toBe(1);
    expect(zero.stderr).toBe(
      'ops redrive-reset: --max-messages must be a whole number from 1; got "0"\n',
    );
    expect(both.exitCode).toBe(1);
    expect(both.stderr).toBe(
      'ops redrive-reset: pass either --scheduled-time or --queue-url, not both\n',
    );
  });
});
