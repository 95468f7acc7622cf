import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws-target.js';

/** Lambda's default for the functions; API Gateway gives up after 30 s anyway. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A Lambda invocation context with the fields handlers and Powertools read:
 * names and ARNs of the local function, a fresh request id and a deadline.
 * The callback-era methods throw, because no handler of this service uses them.
 */
export function lambdaContext(functionName: string, timeoutMs = DEFAULT_TIMEOUT_MS): Context {
  const deadlineMs = Date.now() + timeoutMs;
  const region = process.env.AWS_REGION ?? LOCAL_REGION;
  const unsupported = () => {
    throw new Error('Callback-style Lambda handlers are not supported locally');
  };

  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamName(),
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** `2024/05/01/[$LATEST]<32 hex>`, the shape of a Lambda log stream name. */
function logStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}
