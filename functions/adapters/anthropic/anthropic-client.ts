import Anthropic from '@anthropic-ai/sdk';
import { ENV, integerEnv, optionalEnv } from '../../shared/environment.js';

export interface AnthropicCallOptions {
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/**
 * Options for agent calls. With retries above 0 the SDK retries 408, 409, 429
 * and 5xx with backoff; each attempt may take the whole timeout.
 */
export const callOptionsFromEnv = (): AnthropicCallOptions => ({
  timeoutMs: integerEnv(ENV.anthropicTimeoutMs, 25_000),
  maxRetries: integerEnv(ENV.anthropicMaxRetries, 0),
});

/**
 * An Anthropic client for one key. `ANTHROPIC_BASE_URL` points it at a local
 * emulator; unset, the SDK talks to api.anthropic.com. The SDK's own logger
 * stays at its default (warnings, with auth headers redacted by the SDK).
 */
export function anthropicClient(apiKey: string, options: AnthropicCallOptions): Anthropic {
  const baseURL = optionalEnv(ENV.anthropicBaseUrl, 'https://api.anthropic.com');
  return new Anthropic({
    apiKey,
    authToken: null,
    baseURL,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
}

/** What may be logged of an Anthropic SDK error: status, type and request id, never headers. */
export function describeAnthropicError(error: unknown): Record<string, unknown> {
  if (error instanceof Anthropic.APIError) {
    return {
      name: error.name,
      status: error.status,
      type: error.type,
      anthropicRequestId: error.requestID,
    };
  }
  return { name: error instanceof Error ? error.name : typeof error };
}
