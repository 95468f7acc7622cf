import Anthropic from '@anthropic-ai/sdk';
import type { KeyChecker, KeyCheckOutcome } from '../../domain/agents/ports.js';
import { countKeyValidation } from '../../observability/metrics.js';
import { logger } from '../../shared/logger.js';
import { anthropicClient, describeAnthropicError } from './anthropic-client.js';

/** A validation must answer within a request; no retries, a short timeout. */
const PING_TIMEOUT_MS = 8_000;

function outcomeOf(error: unknown): KeyCheckOutcome {
  if (error instanceof Anthropic.AuthenticationError) return 'invalid';
  if (error instanceof Anthropic.PermissionDeniedError) return 'forbidden';
  if (error instanceof Anthropic.NotFoundError) return 'model_not_available';
  // A rate-limited key has authenticated: it is valid, just busy.
  if (error instanceof Anthropic.RateLimitError) return 'accepted';
  if (error instanceof Anthropic.BadRequestError && /credit balance/i.test(error.message)) {
    return 'no_credit';
  }
  return 'unavailable';
}

/**
 * Checks a key with the cheapest real request there is: one input word and
 * `max_tokens: 1` on the model the agent will use, which proves both that the
 * key authenticates and that it may use that model. Every verdict is counted
 * (metric KeyValidations, by outcome).
 */
export const keyChecker: KeyChecker = {
  async check(apiKey, model) {
    const client = anthropicClient(apiKey, { timeoutMs: PING_TIMEOUT_MS, maxRetries: 0 });
    try {
      await client.messages.create({
        model,
        max_tokens: 1,
        messages: [{ role: 'user', content: 'ping' }],
      });
      countKeyValidation('accepted');
      return 'accepted';
    } catch (error) {
      const outcome = outcomeOf(error);
      logger.info('key check refused', {
        outcome,
        model,
        anthropic: describeAnthropicError(error),
      });
      countKeyValidation(outcome);
      return outcome;
    }
  },
};
