import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { KMSServiceException } from '@aws-sdk/client-kms';
import { SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { AWS_SERVICE, type AwsServiceName } from '../observability/metric-names.js';
import { countAwsThrottle } from '../observability/metrics.js';
import { ServiceError } from '../shared/errors.js';

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

/** The error name an AWS SDK v3 error carries, if any. */
export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Which service threw: every SDK error extends its client's base exception. */
function awsServiceOf(error: unknown): AwsServiceName {
  if (error instanceof DynamoDBServiceException) return AWS_SERVICE.dynamoDb;
  if (error instanceof SecretsManagerServiceException) return AWS_SERVICE.secretsManager;
  if (error instanceof KMSServiceException) return AWS_SERVICE.kms;
  return AWS_SERVICE.other;
}

/**
 * What a caller sees when an AWS dependency fails after the SDK's own retries:
 * a 503 with a stable code that names no internals. The original error is kept
 * as `cause` for the logs. A throttle is also counted (metric AwsThrottles),
 * since Secrets Manager publishes no throttling metric of its own.
 */
export function dependencyFailure(operation: string, error: unknown): ServiceError {
  const throttled = THROTTLING.has(awsErrorName(error) ?? '');
  if (throttled) countAwsThrottle(awsServiceOf(error));
  return new ServiceError(
    'dependency_unavailable',
    'A storage service is unavailable; retry shortly',
    // The operation goes to the logs through the cause, never to the client.
    { retryAfterSeconds: throttled ? 5 : 2, cause: new Error(operation, { cause: error }) },
  );
}

/** Runs an AWS call, turning any failure into `dependency_unavailable`. */
export async function callAws<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw dependencyFailure(operation, error);
  }
}
