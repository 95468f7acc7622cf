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

/**
 * What a caller sees when an AWS dependency fails after the SDK's own retries:
 * a 503 with a stable code that names no internals. The original error is kept
 * as `cause` for the logs.
 */
export function dependencyFailure(operation: string, error: unknown): ServiceError {
  const throttled = THROTTLING.has(awsErrorName(error) ?? '');
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
