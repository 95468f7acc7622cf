import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ServiceError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { errorResult, type HttpResult } from './envelope.js';

/** The shape of the HTTP errors middy's own middlewares throw. */
interface MiddyHttpError {
  readonly statusCode: number;
  readonly message: string;
  readonly cause?: { readonly package?: string };
}

function isMiddyHttpError(error: unknown): error is MiddyHttpError {
  return (
    error instanceof Error && typeof (error as Partial<MiddyHttpError>).statusCode === 'number'
  );
}

/**
 * Translates middy's HTTP errors into the service's codes. The JSON body parser
 * answers 415 for malformed JSON; this API promises 400 `malformed_json`.
 */
function fromMiddyError(error: MiddyHttpError): ServiceError {
  if (error.cause?.package === '@middy/http-json-body-parser') {
    return error.message.startsWith('Unsupported')
      ? new ServiceError('unsupported_media_type', 'Send the body as application/json')
      : new ServiceError('malformed_json', 'The request body is not valid JSON');
  }
  if (error.statusCode === 404) return new ServiceError('route_not_found', 'No such route');
  return new ServiceError('internal_error', 'Internal error', { cause: error });
}

function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (isMiddyHttpError(error)) return fromMiddyError(error);
  return new ServiceError('internal_error', 'Internal error', { cause: error });
}

/** Builds the enveloped answer; 5xx bodies say nothing about the cause. */
export function errorToResult(error: unknown, requestId: string): HttpResult {
  const failure = toServiceError(error);
  const headers: Record<string, string> = { ...failure.headers };
  if (failure.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(failure.retryAfterSeconds);
  }
  if (failure.code === 'unauthorized') headers['www-authenticate'] = 'Bearer';
  if (failure.code === 'method_not_allowed') {
    headers.allow = ((failure.details?.allowedMethods ?? []) as string[]).join(', ');
  }

  const internal = failure.statusCode >= 500;
  const message =
    internal && failure.code === 'internal_error' ? 'Internal error' : failure.message;
  const details = failure.details ?? {};
  return errorResult(
    failure.statusCode,
    { ...details, code: failure.code, message, requestId },
    headers,
  );
}

function logFailure(error: unknown, result: HttpResult): void {
  if (result.statusCode >= 500) {
    logger.error('request failed', { statusCode: result.statusCode, error: error as Error });
    return;
  }
  const code = error instanceof ServiceError ? error.code : undefined;
  logger.info('request rejected', { statusCode: result.statusCode, code });
}

/** Answers every error with the envelope and a stable code, never a stack trace. */
export function errorEnvelope(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  return {
    onError: async (request: Request<APIGatewayProxyEventV2, HttpResult>) => {
      const requestId = request.event.requestContext?.requestId ?? 'unknown';
      const result = errorToResult(request.error, requestId);
      logFailure(request.error, result);
      request.response = result;
    },
  };
}
