import { divideRoundingUp, multiplyExact } from './integer-math.js';

/**
 * US-only inference (`inference_geo: 'us'`) costs 1.1 × the standard price on every token
 * category, per Anthropic's data-residency pricing. Kept as the exact fraction 11/10 so the
 * uplift stays an integer operation.
 */
const US_ONLY_UPLIFT = { numerator: 11, denominator: 10 } as const;

/** The geo value Anthropic reports when inference was kept in the US. */
export const US_ONLY_GEO = 'us';

/**
 * Applies the geo uplift to a standard-rate amount. The result rounds UP to the next micro-cent:
 * a metered cost may exceed Anthropic's bill by under one micro-cent, never fall below it. Any
 * other geo (`'global'`, absent, or a value this table does not know) is billed at standard rates.
 */
export function withGeoUplift(standardMicroCents: number, inferenceGeo?: string | null): number {
  if (inferenceGeo !== US_ONLY_GEO) {
    return standardMicroCents;
  }

  const scaled = multiplyExact(standardMicroCents, US_ONLY_UPLIFT.numerator, 'microCents');

  return divideRoundingUp(scaled, US_ONLY_UPLIFT.denominator);
}
