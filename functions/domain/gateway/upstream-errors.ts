import { ServiceError } from '../../shared/errors.js';
import { CREDENTIAL_SOURCE, type CredentialSource } from '../spend/ports.js';
import type { UpstreamFailure } from './ports.js';

const DEFAULT_RETRY_AFTER_SECONDS = 10;

/**
 * The API error for a failed upstream call. A refusal of the platform's own
 * key is the platform's problem, so the customer sees 503, not a key error.
 */
export function upstreamError(failure: UpstreamFailure, source: CredentialSource, model: string) {
  const retryAfterSeconds = failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const byo = source === CREDENTIAL_SOURCE.byo;
  switch (failure.kind) {
    case 'key_rejected':
      return byo ? keyRejectedError() : unavailable(retryAfterSeconds);
    case 'no_credit':
      return byo
        ? new ServiceError('byo_key_no_credit', "The Anthropic account's credit balance is too low")
        : unavailable(retryAfterSeconds);
    case 'model_not_found':
      return new ServiceError(
        'model_not_available',
        `Anthropic does not offer ${model} to this key`,
      );
    case 'invalid_request':
      return new ServiceError(
        'anthropic_invalid_request',
        `Anthropic refused the request: ${failure.message}`,
      );
    case 'rate_limited':
      return new ServiceError(
        'anthropic_rate_limited',
        'Anthropic is rate limiting this key; retry later',
        {
          retryAfterSeconds,
        },
      );
    default:
      return unavailable(retryAfterSeconds);
  }
}

const unavailable = (retryAfterSeconds: number) =>
  new ServiceError('anthropic_unavailable', 'Anthropic is unavailable; retry later', {
    retryAfterSeconds,
  });

/** A BYO key Anthropic no longer accepts: fail fast until a new key is saved. */
export const keyRejectedError = () =>
  new ServiceError(
    'byo_key_invalid',
    "Anthropic no longer accepts this agent's key; an OWNER or ADMIN must save a new one",
    { statusCode: 409 },
  );
