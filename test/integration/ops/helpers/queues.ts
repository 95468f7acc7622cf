import { randomBytes } from 'node:crypto';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { awsClientConfig } from '../../../../scripts/local/aws-target.js';
import { localStack } from '../../../support/local-api.js';

const stack = localStack();
const sqs = new SQSClient(awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region }));

/** A queue of the test's own in moto, standing in for the cap-reset dead-letter queue. */
export async function createQueue(): Promise<string> {
  const name = `it-ops-dead-letters-${randomBytes(4).toString('hex')}`;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  return QueueUrl!;
}

export async function deleteQueue(queueUrl: string): Promise<void> {
  await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
}

/** Sends each body as a message: objects as JSON, strings as they are. */
export async function sendMessages(queueUrl: string, bodies: readonly unknown[]): Promise<void> {
  for (const body of bodies) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: text }));
  }
}

/**
 * What the queue holds: the bodies of the messages any reader would receive
 * now (read without hiding them), and how many are received but hidden.
 */
export async function queueContents(queueUrl: string) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
    }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    visible: Messages.map((message) => message.Body),
    hidden: Number(Attributes?.ApproximateNumberOfMessagesNotVisible),
  };
}

/** The URL of a queue made by name, such as a stack's. */
export async function queueUrlOf(name: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  return QueueUrl!;
}
