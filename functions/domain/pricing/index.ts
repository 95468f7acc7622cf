/**
 * Pricing of Anthropic Messages API calls in exact integer micro-cents: the price table, the cost
 * of a settled call, the bound reserved before a call, and conversions to cents for display.
 */
export type { AnthropicUsage } from './anthropic-usage.js';
export {
  centsToMicroCents,
  MICRO_CENTS_PER_CENT,
  microCentsToCents,
  microCentsToCentsRoundedDown,
} from './cents.js';
export { PRICING_ERROR_CODE, PricingError, type PricingErrorCode } from './errors.js';
export { US_ONLY_GEO } from './inference-geo.js';
export { type ModelPrices, PRICE_TABLE, PRICE_TABLE_VERSION } from './price-table.js';
export { type ResolvedPrice, resolvePrice } from './resolve-price.js';
export { type CostBreakdown, type CostLines, costOfUsage } from './usage-cost.js';
export {
  FRAMING_TOKENS_PER_MESSAGE,
  FRAMING_TOKENS_PER_REQUEST,
  FRAMING_TOKENS_PER_TOOL,
  type WorstCaseCost,
  type WorstCaseRequest,
  worstCaseCost,
} from './worst-case.js';
