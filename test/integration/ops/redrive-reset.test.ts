import { describe, expect, it } from 'vitest';
import { cappedAgent, failedInvocation, undeliveredEvent } from './helpers/dead-letters.js';
import { auditTypes, dayAfter, dayItem } from './helpers/moto.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';

/** An SQS message as `aws sqs receive-message` prints it. */
const message = (id: string, body: unknown) => ({
  MessageId: id,
  ReceiptHandle: `handle-${id}`,
  Body: JSON.stringify(body),
});

describe('ops redrive-reset', () => {
  const stack = useOpsStack();

  it('runs the cap-reset job for a --scheduled-time and records the cap reset', async () => {
    const capped = await cappedAgent();

    const result = await ops([
      'redrive-reset',
      '--scheduled-time',
      capped.scheduledTime,
      '--json',
      ...(await stack.stackFileArgs()),
    ]);

    expect(result.exitCode).toBe(0);
    expect(result.json()).toEqual([
      {
        scheduledTime: capped.scheduledTime,
        ok: true,
        result: expect.objectContaining({
          days: [capped.day, dayAfter(capped.day, -1)],
          capResets: 1,
        }),
      },
    ]);
    expect(await auditTypes(capped.agentId)).toEqual(['SPEND_CAP_RESET']);
    expect(await dayItem(capped.agentId, capped.day)).toHaveProperty('capResetAt');
  });

  it('replays the dead letters piped in, in both shapes the queue receives', async () => {
    const undelivered = await cappedAgent();
    const failedRun = await cappedAgent();
    const received = {
      Messages: [
        message('m-1', undeliveredEvent(undelivered.scheduledTime)),
        message('m-2', failedInvocation(failedRun.scheduledTime)),
      ],
    };

    const result = await ops(['redrive-reset', ...(await stack.stackFileArgs())], {
      stdin: JSON.stringify(received),
    });

    expect(result.exitCode).toBe(0);
    expect(await auditTypes(undelivered.agentId)).toEqual(['SPEND_CAP_RESET']);
    expect(await auditTypes(failedRun.agentId)).toEqual(['SPEND_CAP_RESET']);
    const deletes = result.stdout.split('\n').filter((line) => line.includes('delete-message'));
    expect(deletes).toEqual([
      `  aws sqs delete-message --queue-url "$DLQ_URL" --receipt-handle 'handle-m-1'`,
      `  aws sqs delete-message --queue-url "$DLQ_URL" --receipt-handle 'handle-m-2'`,
    ]);
  });

  it('leaves a message that names no run in the queue and exits with 1', async () => {
    const capped = await cappedAgent();
    const received = {
      Messages: [message('m-bad', {}), message('m-good', undeliveredEvent(capped.scheduledTime))],
    };

    const result = await ops(['redrive-reset', '--json', ...(await stack.stackFileArgs())], {
      stdin: JSON.stringify(received),
    });

    expect(result.exitCode).toBe(1);
    expect(result.json()).toEqual([
      {
        messageId: 'm-bad',
        receiptHandle: 'handle-m-bad',
        ok: false,
        error: 'the message names no scheduledTime; left in the queue',
      },
      expect.objectContaining({ messageId: 'm-good', ok: true }),
    ]);
  });

  it('says there is nothing to replay when the queue was empty', async () => {
    const result = await ops(['redrive-reset', ...(await stack.stackFileArgs())], { stdin: '' });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('No dead letter: nothing to replay.\n');
  });

  it('asks for --scheduled-time or --queue-url on the local stack, which has no queue', async () => {
    const result = await ops(['redrive-reset', ...(await stack.stackFileArgs())], {
      stdin: 'tty',
    });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'ops redrive-reset: the local stack has no dead-letter queue ' +
        '(moto never fires schedules): pass --scheduled-time, or --queue-url for a queue of your own\n',
    );
  });
});
