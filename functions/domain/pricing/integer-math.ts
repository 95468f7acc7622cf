import { PRICING_ERROR_CODE, PricingError } from './errors.js';

/**
 * Money is kept in plain numbers, which are exact only up to 2^53 (about 9e15 micro-cents, or
 * $90 billion). Every amount passes through here so that leaving that range fails loudly
 * instead of rounding silently.
 */
export function requireSafeAmount(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new PricingError(
      PRICING_ERROR_CODE.unsafeAmount,
      field,
      `${field} is not a safe integer amount`,
    );
  }

  return value;
}

/** A product of two integers, refused when it would no longer be exact. */
export function multiplyExact(left: number, right: number, field: string): number {
  return requireSafeAmount(left * right, field);
}

/** A sum of integers, refused when it would no longer be exact. */
export function sumExact(values: readonly number[], field: string): number {
  return requireSafeAmount(
    values.reduce((total, value) => total + value, 0),
    field,
  );
}

/**
 * Integer division rounding toward +infinity. Computed from the remainder, which is exact by
 * construction, rather than from `Math.ceil(a / b)`, whose correctness would rest on an argument
 * about floating-point error at every magnitude.
 */
export function divideRoundingUp(dividend: number, divisor: number): number {
  const remainder = dividend % divisor;
  const truncated = (dividend - remainder) / divisor;

  return remainder > 0 ? truncated + 1 : truncated;
}

/** Integer division rounding toward -infinity, exact for the same reason as above. */
export function divideRoundingDown(dividend: number, divisor: number): number {
  const remainder = dividend % divisor;
  const truncated = (dividend - remainder) / divisor;

  return remainder < 0 ? truncated - 1 : truncated;
}
