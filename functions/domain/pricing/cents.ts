import {
  divideRoundingDown,
  divideRoundingUp,
  multiplyExact,
  requireSafeAmount,
} from './integer-math.js';

/** Costs are kept in micro-cents so that a single token's price is a whole number. */
export const MICRO_CENTS_PER_CENT = 1_000_000;

/**
 * Whole cents for showing an amount spent or charged, rounded UP: a customer never sees less
 * than was charged, and an agent shown at its cap has really reached it.
 */
export function microCentsToCents(microCents: number): number {
  requireSafeAmount(microCents, 'microCents');

  return divideRoundingUp(microCents, MICRO_CENTS_PER_CENT);
}

/**
 * Whole cents for showing what is left under a cap, rounded DOWN, so that the budget shown is
 * always really available. Shown spend plus shown remainder may thus fall a cent short of the cap.
 */
export function microCentsToCentsRoundedDown(microCents: number): number {
  requireSafeAmount(microCents, 'microCents');

  return divideRoundingDown(microCents, MICRO_CENTS_PER_CENT);
}

/**
 * Micro-cents for a whole-cent amount such as a daily cap. Exact up to about $90 million, far
 * beyond any daily cap; past that it throws rather than lose precision.
 */
export function centsToMicroCents(cents: number): number {
  requireSafeAmount(cents, 'cents');

  return multiplyExact(cents, MICRO_CENTS_PER_CENT, 'microCents');
}
