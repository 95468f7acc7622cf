import { OpsError } from './errors.js';

/** A message of the cap-reset dead-letter queue, or a run asked for by its time. */
export interface DeadLetter {
  /** Absent for a run asked for with `--scheduled-time`. */
  readonly messageId?: string;
  readonly receiptHandle?: string;
  /** Undefined when the message names no run (it cannot be replayed). */
  readonly scheduledTime?: string;
}

/** A message as SQS gives it, to the SDK or in what `aws sqs receive-message` prints. */
export interface SqsMessage {
  readonly MessageId?: string;
  readonly ReceiptHandle?: string;
  readonly Body?: string;
}

/**
 * The scheduled time a dead letter was for. The queue gets two shapes: the
 * scheduler's undelivered event itself (`{"scheduledTime": …}`), and Lambda's
 * record of a run that failed its retries, which carries the event as
 * `requestPayload` (lib/constructs/cap-reset-schedule.ts sends both here).
 */
export function scheduledTimeOf(body: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as {
      scheduledTime?: unknown;
      requestPayload?: { scheduledTime?: unknown } | null;
    };
    const time = parsed?.scheduledTime ?? parsed?.requestPayload?.scheduledTime;
    return typeof time === 'string' ? time : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Dead letters from the JSON `aws sqs receive-message` prints (`{"Messages": […]}`),
 * or a list of such messages. Empty input (the CLI prints nothing for an
 * empty queue) is no message.
 */
export function parseDeadLetters(text: string): DeadLetter[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OpsError('standard input is not JSON from `aws sqs receive-message`');
  }
  const messages = Array.isArray(parsed) ? parsed : (parsed as { Messages?: unknown }).Messages;
  if (!Array.isArray(messages)) {
    throw new OpsError('standard input has no "Messages" list from `aws sqs receive-message`');
  }
  return (messages as SqsMessage[]).map(deadLetterOf);
}

/** The dead letter a message is; `index` names a message that lacks its id. */
export function deadLetterOf(message: SqsMessage, index: number): DeadLetter {
  return {
    messageId: message.MessageId ?? `message ${index + 1}`,
    receiptHandle: message.ReceiptHandle,
    scheduledTime: scheduledTimeOf(message.Body),
  };
}
