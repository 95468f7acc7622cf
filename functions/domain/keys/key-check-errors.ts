import { type ErrorCode, ServiceError } from '../../shared/errors.js';
import type { KeyCheckOutcome } from '../agents/ports.js';

type Refusal = Exclude<KeyCheckOutcome, 'accepted'>;

const REFUSALS: Record<Refusal, { code: ErrorCode; message: (model: string) => string }> = {
  invalid: {
    code: 'byo_key_invalid',
    message: () => 'Anthropic did not accept this key; check that it is active and copied whole',
  },
  forbidden: {
    code: 'byo_key_forbidden',
    message: () => 'Anthropic refused this key permission to send messages',
  },
  model_not_available: {
    code: 'model_not_available',
    message: (model) => `This key cannot use the model ${model}; pick a model your account has`,
  },
  no_credit: {
    code: 'byo_key_no_credit',
    message: () => "The Anthropic account's credit balance is too low; add credits and retry",
  },
  unavailable: {
    code: 'anthropic_unavailable',
    message: () => 'Anthropic could not be reached to validate the key; nothing was changed',
  },
};

/** Seconds a client should wait before retrying a validation Anthropic could not answer. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

/** The API error for a key Anthropic did not accept, or could not be asked about. */
export function keyRefusalError(outcome: Refusal, model: string): ServiceError {
  const refusal = REFUSALS[outcome];
  const retryAfterSeconds = outcome === 'unavailable' ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
  return new ServiceError(refusal.code, refusal.message(model), {
    retryAfterSeconds,
    details: { reason: outcome },
  });
}
