import type { CacheOutcome } from './prompt-cache.js';

/** The `usage` object of a Message, with the fields the real API fills for a text reply. */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  service_tier: 'standard';
  inference_geo?: string;
}

/** What usage is computed from: the prompt estimate, the cache outcome and the reply size. */
export interface UsageInput {
  promptTokens: number;
  cache: CacheOutcome;
  outputTokens: number;
  inferenceGeo?: string;
}

/**
 * Builds `usage`. `input_tokens` is only the uncached remainder, as in the real API, and never
 * drops below 1 because a real prompt always leaves some uncached framing tokens.
 */
export function buildUsage(input: UsageInput): Usage {
  const { cache } = input;
  const writeTokens = cache.write5mTokens + cache.write1hTokens;
  const remainder = input.promptTokens - cache.readTokens - writeTokens;

  const usage: Usage = {
    input_tokens: Math.max(1, remainder),
    output_tokens: input.outputTokens,
    cache_creation_input_tokens: writeTokens,
    cache_read_input_tokens: cache.readTokens,
    cache_creation: {
      ephemeral_5m_input_tokens: cache.write5mTokens,
      ephemeral_1h_input_tokens: cache.write1hTokens,
    },
    service_tier: 'standard',
  };

  return input.inferenceGeo === undefined ? usage : { ...usage, inference_geo: input.inferenceGeo };
}
