import { PRICING_ERROR_CODE, PricingError } from './errors.js';

/**
 * The `usage` object of an Anthropic Messages API response, limited to the fields that set the
 * price. Optional fields are optional or null because older models and API versions omit them.
 */
export interface AnthropicUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  /** All cache writes of the call, whatever their lifetime. */
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
  /** The same cache writes split by lifetime; absent on responses that predate the 1h cache. */
  readonly cache_creation?: {
    readonly ephemeral_5m_input_tokens?: number;
    readonly ephemeral_1h_input_tokens?: number;
  } | null;
  /** Where inference ran; `'us'` carries a price uplift. */
  readonly inference_geo?: string | null;
}

/** Validated token counts, one per price line. */
export interface TokenCounts {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
}

/**
 * Reads the billable counts out of a usage object. Cache writes follow the 5m/1h split when it is
 * present; without it every write counts as 5m, the default lifetime. Should the aggregate exceed
 * the split (never seen, but the fields come from the network), the excess is billed as 5m writes,
 * so no reported token goes unbilled.
 */
export function tokenCountsOf(usage: AnthropicUsage): TokenCounts {
  const written = tokenCount(usage.cache_creation_input_tokens, 'cache_creation_input_tokens');
  const split = usage.cache_creation ?? undefined;
  const written5m = tokenCount(split?.ephemeral_5m_input_tokens, 'ephemeral_5m_input_tokens');
  const written1h = tokenCount(split?.ephemeral_1h_input_tokens, 'ephemeral_1h_input_tokens');

  const unsplit = Math.max(0, written - written5m - written1h);

  return {
    input: tokenCount(usage.input_tokens, 'input_tokens'),
    output: tokenCount(usage.output_tokens, 'output_tokens'),
    cacheWrite5m: written5m + unsplit,
    cacheWrite1h: written1h,
    cacheRead: tokenCount(usage.cache_read_input_tokens, 'cache_read_input_tokens'),
  };
}

/** A missing or null count is zero; anything but a non-negative safe integer is refused. */
function tokenCount(value: number | null | undefined, field: string): number {
  if (value === undefined || value === null) {
    return 0;
  }

  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PricingError(
      PRICING_ERROR_CODE.invalidTokenCount,
      field,
      `${field} must be a non-negative integer`,
    );
  }

  return value;
}
