import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { type DeadLetter, deadLetterOf } from '../dead-letters.js';

/** The most messages one ReceiveMessage returns. */
export const RECEIVE_BATCH = 10;

/**
 * A long poll asks every SQS server, so an empty answer means an empty queue;
 * a short poll asks a sample of them and may answer empty while messages wait.
 */
const WAIT_TIME_SECONDS = 1;

/** The cap-reset dead-letter queue, as the redrive reads and empties it. */
export interface DeadLetterQueue {
  /** Up to `count` messages, hidden from other readers for `visibilitySeconds`. */
  receive(count: number, visibilitySeconds: number): Promise<DeadLetter[]>;
  delete(receiptHandle: string): Promise<void>;
  /** Makes a received message visible again at once. */
  release(receiptHandle: string): Promise<void>;
  close(): void;
}

/**
 * The SQS client sends each call to its queue URL's host unless told not to.
 * Where an endpoint is set for AWS (moto, locally), calls must go there
 * instead: an emulator's queue URLs may name AWS's own host.
 */
function sqsClient(): SQSClient {
  const endpoint = process.env.AWS_ENDPOINT_URL_SQS ?? process.env.AWS_ENDPOINT_URL;
  return new SQSClient({ useQueueUrlAsEndpoint: !endpoint });
}

/**
 * The queue at `queueUrl`, through an SQS client with the target's
 * credentials and endpoint, made on use: this module loads before a
 * command's target has set the environment.
 */
export function deadLetterQueue(queueUrl: string): DeadLetterQueue {
  const client = sqsClient();
  let received = 0;

  return {
    async receive(count, visibilitySeconds) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: Math.min(count, RECEIVE_BATCH),
          VisibilityTimeout: visibilitySeconds,
          WaitTimeSeconds: WAIT_TIME_SECONDS,
        }),
      );
      const letters = Messages.map((message, index) => deadLetterOf(message, received + index));
      received += Messages.length;
      return letters;
    },
    async delete(receiptHandle) {
      await client.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }),
      );
    },
    async release(receiptHandle) {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    },
    close: () => client.destroy(),
  };
}
