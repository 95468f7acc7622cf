import { type AnthropicUsage, type TokenCounts, tokenCountsOf } from './anthropic-usage.js';
import { withGeoUplift } from './inference-geo.js';
import { multiplyExact, sumExact } from './integer-math.js';
import { type ModelPrices, PRICE_TABLE_VERSION } from './price-table.js';
import { resolvePrice } from './resolve-price.js';

/** Micro-cents per price line, at standard (global) rates. */
export interface CostLines {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
}

/** What one call cost, with enough detail to audit the figure later. */
export interface CostBreakdown {
  /** The total charged: the sum of `lines` plus `geoUpliftMicroCents`. */
  readonly microCents: number;
  /** True when the model was missing from the table and priced at a ceiling. */
  readonly fallbackPrice: boolean;
  readonly priceTableVersion: string;
  readonly modelKey: string;
  readonly lines: CostLines;
  /** The extra for US-only inference (0 elsewhere), kept apart so the lines still add up. */
  readonly geoUpliftMicroCents: number;
}

/**
 * Prices one Messages API call from the `usage` Anthropic reported. Each line is an exact integer
 * (tokens × micro-cents per token); only the US-only uplift rounds, and it rounds up (see
 * `withGeoUplift`). Throws a `PricingError` for a negative or fractional token count or a
 * non-Claude model.
 */
export function costOfUsage(usage: AnthropicUsage, model: string): CostBreakdown {
  const tokens = tokenCountsOf(usage);
  const { modelKey, prices, fallback } = resolvePrice(model);

  const lines = priceLines(tokens, prices);
  const standardMicroCents = sumExact(Object.values(lines), 'microCents');
  const microCents = withGeoUplift(standardMicroCents, usage.inference_geo);

  return {
    microCents,
    fallbackPrice: fallback,
    priceTableVersion: PRICE_TABLE_VERSION,
    modelKey,
    lines,
    geoUpliftMicroCents: microCents - standardMicroCents,
  };
}

function priceLines(tokens: TokenCounts, prices: ModelPrices): CostLines {
  return {
    input: multiplyExact(tokens.input, prices.input, 'lines.input'),
    output: multiplyExact(tokens.output, prices.output, 'lines.output'),
    cacheWrite5m: multiplyExact(tokens.cacheWrite5m, prices.cacheWrite5m, 'lines.cacheWrite5m'),
    cacheWrite1h: multiplyExact(tokens.cacheWrite1h, prices.cacheWrite1h, 'lines.cacheWrite1h'),
    cacheRead: multiplyExact(tokens.cacheRead, prices.cacheRead, 'lines.cacheRead'),
  };
}
