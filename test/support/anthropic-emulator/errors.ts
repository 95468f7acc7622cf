import { randomBytes } from 'node:crypto';

/** What a route hands back to the server: an HTTP status, a JSON body and extra headers. */
export interface ApiReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The `error.type` values the real API uses, keyed by the status it pairs them with. */
const ERROR_TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Default messages so an injected status fault reads like the real thing without extra setup. */
const DEFAULT_MESSAGE_BY_TYPE: Readonly<Record<string, string>> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Billing error.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found.',
  timeout_error: 'Request timed out.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error.',
  overloaded_error: 'Overloaded',
};

/**
 * Maps an HTTP status to the `error.type` the real API sends with it. Statuses the API has no
 * dedicated type for fall back by class (4xx → invalid_request_error, 5xx → api_error), which is
 * what lets tests inject e.g. a 503 and still get a body the SDK can parse.
 */
export function errorTypeForStatus(status: number): string {
  const known = ERROR_TYPE_BY_STATUS[status];
  if (known) {
    return known;
  }

  return status >= 500 ? 'api_error' : 'invalid_request_error';
}

/**
 * Builds an error reply in the real body shape minus `request_id`, which the server adds when
 * writing so the body and the `request-id` header always agree.
 */
export function errorReply(
  status: number,
  message?: string,
  headers?: Record<string, string>,
): ApiReply {
  const type = errorTypeForStatus(status);
  const text = message ?? DEFAULT_MESSAGE_BY_TYPE[type] ?? 'Error.';

  return { status, body: { type: 'error', error: { type, message: text } }, headers };
}

/** Makes a request id; the `req_emu_` prefix keeps emulator ids recognisable in service logs. */
export function newRequestId(): string {
  return `req_emu_${randomBytes(12).toString('hex')}`;
}

/** Makes a message id in the real `msg_` family, tagged so it cannot pass for a real one. */
export function newMessageId(): string {
  return `msg_emu_${randomBytes(12).toString('hex')}`;
}
