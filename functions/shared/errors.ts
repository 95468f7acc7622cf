/**
 * Every failure the service reports has a stable machine-readable code and an
 * HTTP status. Clients branch on `code`; the message is for people and may change.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unknown_field: 400,
  model_not_allowed: 400,
  byo_key_malformed: 400,
  anthropic_invalid_request: 400,
  streaming_not_supported: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  concurrent_modification: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  byo_key_invalid: 422,
  byo_key_forbidden: 422,
  byo_key_no_credit: 422,
  model_not_available: 422,
  too_many_validation_attempts: 429,
  daily_spend_cap_reached: 429,
  anthropic_rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  anthropic_unavailable: 503,
  hosted_key_missing: 503,
  dependency_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ServiceErrorOptions {
  /** Machine-readable details a client may act on (offending fields, limits). */
  readonly details?: Record<string, unknown>;
  /** Seconds after which retrying makes sense; becomes a `Retry-After` header. */
  readonly retryAfterSeconds?: number;
  /** Overrides the code's usual status where one code fits two situations. */
  readonly statusCode?: number;
  readonly cause?: unknown;
}

/** A failure with a stable code. Its message must never contain secret material. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;
  /** Extra response headers the answer carries, such as which credentials served a call. */
  readonly headers: Record<string, string> = {};

  constructor(code: ErrorCode, message: string, options: ServiceErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ServiceError';
    this.code = code;
    this.statusCode = options.statusCode ?? ERROR_STATUS[code];
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** One offending input field, as reported in a `validation_failed` error. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** Input that breaks a rule; lists every offending field, not just the first. */
export class ValidationError extends ServiceError {
  constructor(fields: readonly FieldProblem[], code: ErrorCode = 'validation_failed') {
    const summary = fields.map((field) => `${field.field}: ${field.problem}`).join('; ');
    super(code, `Invalid request: ${summary}`, { details: { fields } });
    this.name = 'ValidationError';
  }
}
