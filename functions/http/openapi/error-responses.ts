import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors.js';

/** A code a route may answer with: at its usual status, or at one the route gives it instead. */
export type RouteError = ErrorCode | { readonly code: ErrorCode; readonly status: number };

const fieldProblem = z.strictObject({ field: z.string(), problem: z.string() });
const cents = z.number().int().min(0);

/**
 * The details an error may carry beside code, message and request id: every
 * `details` a `ServiceError` of `functions/` sets. The envelope is strict, so a
 * new detail is a contract change, and nothing else (a stack, a cause) can leak.
 */
const DETAIL_FIELDS = {
  fields: z.array(fieldProblem).optional().describe('Every offending input field'),
  maxBytes: z.number().int().optional(),
  allowedMethods: z.array(z.string()).optional(),
  allowedRoles: z.array(z.string()).optional(),
  model: z.string().optional(),
  allowedModels: z.array(z.string()).optional(),
  capCents: cents.optional(),
  spentCents: cents.optional(),
  reservedCents: cents.optional(),
  resetsAt: z.iso.datetime().optional(),
  currentVersion: z.number().int().optional(),
  reason: z.string().optional(),
};

/** `{"error": {"code", "message", "requestId", …details}}`, with the codes one answer may have. */
export function errorEnvelopeSchema(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.strictObject({
    error: z.strictObject({
      code: z.enum(codes).describe('Stable; clients branch on it'),
      message: z.string().describe('For people; may change'),
      requestId: z.string(),
      ...DETAIL_FIELDS,
    }),
  });
}

/** Every code of the API, for answers no route gives (404, 405 from the fallback). */
export const ALL_ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const codeOf = (error: RouteError): ErrorCode =>
  typeof error === 'string' ? error : error.code;

export const statusOf = (error: RouteError): number =>
  typeof error === 'string' ? ERROR_STATUS[error] : error.status;

/** A route's error codes grouped by the status they answer with, statuses ascending. */
export function errorsByStatus(errors: readonly RouteError[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const error of errors) {
    const codes = byStatus.get(statusOf(error)) ?? [];
    byStatus.set(statusOf(error), [...codes, codeOf(error)]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/** A response header: its schema and whether every answer of that status carries it. */
export interface HeaderContract {
  readonly description: string;
  readonly required: boolean;
  readonly schema: z.ZodType;
}

const retryAfter = (required: boolean): HeaderContract => ({
  description: 'Seconds to wait before retrying',
  required,
  schema: z.coerce.number().int().min(0),
});

/**
 * Headers an error answer carries, by status (`functions/http/error-envelope.ts`).
 * A 409 names a wait only when retrying can help (a concurrent change, not a dead key).
 */
export function errorHeaders(status: number): Record<string, HeaderContract> {
  switch (status) {
    case 401:
      return {
        'WWW-Authenticate': {
          description: 'The scheme to authenticate with',
          required: true,
          schema: z.literal('Bearer'),
        },
      };
    case 405:
      return {
        Allow: { description: 'Methods the path accepts', required: true, schema: z.string() },
      };
    case 409:
      return { 'Retry-After': retryAfter(false) };
    case 429:
    case 503:
      return { 'Retry-After': retryAfter(true) };
    default:
      return {};
  }
}
