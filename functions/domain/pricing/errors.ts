/**
 * Why pricing refused to compute. A pricing failure means the data handed in was wrong (a usage
 * object Anthropic would never send, a model that is not Claude), never that a price is missing:
 * a missing `claude-*` price falls back instead of failing.
 */
export const PRICING_ERROR_CODE = {
  invalidTokenCount: 'pricing_invalid_token_count',
  invalidRequestSize: 'pricing_invalid_request_size',
  unsafeAmount: 'pricing_unsafe_amount',
  unknownModel: 'pricing_unknown_model',
} as const;

export type PricingErrorCode = (typeof PRICING_ERROR_CODE)[keyof typeof PRICING_ERROR_CODE];

/**
 * A pricing failure with a stable code. `field` names the offending input so a caller can log it
 * without logging the whole usage object; the message holds no secret by construction.
 */
export class PricingError extends Error {
  readonly code: PricingErrorCode;
  readonly field: string;

  constructor(code: PricingErrorCode, field: string, message: string) {
    super(message);
    this.name = 'PricingError';
    this.code = code;
    this.field = field;
  }
}
