import { describe, expect, it } from 'vitest';
import {
  type ModelPrices,
  PRICE_TABLE,
  PRICE_TABLE_VERSION,
} from '../../../functions/domain/pricing/index.js';

/**
 * USD per million tokens, typed from Anthropic's pricing page (platform.claude.com/docs/en/
 * about-claude/pricing, read 2026-12-03), in the page's column order:
 * input, 5m cache write, 1h cache write, cache hit, output.
 */
const PUBLISHED_USD_PER_MILLION_TOKENS: Record<string, readonly number[]> = {
  'claude-opus-4-8': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-7': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-6': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-5': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-1': [15, 18.75, 30, 1.5, 75],
  'claude-opus-4': [15, 18.75, 30, 1.5, 75],
  'claude-sonnet-4-6': [3, 3.75, 6, 0.3, 15],
  'claude-sonnet-4-5': [3, 3.75, 6, 0.3, 15],
  'claude-sonnet-4': [3, 3.75, 6, 0.3, 15],
  'claude-3-7-sonnet': [3, 3.75, 6, 0.3, 15],
  'claude-haiku-4-5': [1, 1.25, 2, 0.1, 5],
  'claude-3-5-haiku': [0.8, 1, 1.6, 0.08, 4],
  'claude-3-haiku': [0.25, 0.3, 0.5, 0.03, 1.25],
};

/** The published model whose cache prices are rounded off the standard multipliers. */
const ROUNDED_CACHE_PRICES_MODEL = 'claude-3-haiku';

/** Micro-cents per token back to USD per million tokens: × 1e6 tokens ÷ 1e6 µ¢/¢ ÷ 100 ¢/$. */
function usdPerMillionTokens(prices: ModelPrices): number[] {
  const columns = [
    prices.input,
    prices.cacheWrite5m,
    prices.cacheWrite1h,
    prices.cacheRead,
    prices.output,
  ];

  return columns.map((microCentsPerToken) => microCentsPerToken / 100);
}

describe('PRICE_TABLE', () => {
  it.each(Object.entries(PUBLISHED_USD_PER_MILLION_TOKENS))(
    'prices %s as published on the pricing page',
    (model, published) => {
      const prices = PRICE_TABLE[model];

      expect(prices).toBeDefined();
      expect(usdPerMillionTokens(prices!)).toEqual(published);
    },
  );

  it('holds exactly the models checked against the pricing page', () => {
    const tableModels = Object.keys(PRICE_TABLE).sort();

    expect(tableModels).toEqual(Object.keys(PUBLISHED_USD_PER_MILLION_TOKENS).sort());
  });

  it('prices claude-haiku-4-5 at $1 input and $5 output per million tokens', () => {
    const prices = PRICE_TABLE['claude-haiku-4-5'];

    expect(prices).toMatchObject({ input: 100, output: 500 });
  });

  it('stores every price as a positive safe integer of micro-cents per token', () => {
    const values = Object.values(PRICE_TABLE).flatMap((prices) => Object.values(prices));

    for (const value of values) {
      expect(Number.isSafeInteger(value) && value > 0).toBe(true);
    }
  });

  it.each(Object.keys(PRICE_TABLE).filter((model) => model !== ROUNDED_CACHE_PRICES_MODEL))(
    'prices cache writes at 1.25× and 2× input and cache hits at 0.1× input for %s',
    (model) => {
      const prices = PRICE_TABLE[model]!;

      expect(prices.cacheWrite5m * 4).toBe(prices.input * 5);
      expect(prices.cacheWrite1h).toBe(prices.input * 2);
      expect(prices.cacheRead * 10).toBe(prices.input);
    },
  );

  it('keeps the rounded cache prices Anthropic publishes for claude-3-haiku', () => {
    const prices = PRICE_TABLE[ROUNDED_CACHE_PRICES_MODEL]!;

    expect(prices.cacheWrite1h).toBe(prices.input * 2);
    expect(prices.cacheWrite5m).toBe(30);
    expect(prices.cacheRead).toBe(3);
  });

  it('carries a dated version to stamp on every settled cost', () => {
    expect(PRICE_TABLE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
