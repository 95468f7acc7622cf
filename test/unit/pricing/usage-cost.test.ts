import { describe, expect, it } from 'vitest';
import {
  type AnthropicUsage,
  costOfUsage,
  PRICE_TABLE,
  PRICE_TABLE_VERSION,
  PRICING_ERROR_CODE,
  PricingError,
} from '../../../functions/domain/pricing/index.js';

const NO_LINES = { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };

describe('costOfUsage', () => {
  it('prices 1,000 input and 500 output tokens on claude-haiku-4-5 at 0.35 cents', () => {
    const usage = { input_tokens: 1_000, output_tokens: 500 };

    const cost = costOfUsage(usage, 'claude-haiku-4-5');

    // $1/MTok × 1,000 = $0.001 = 100,000 µ¢; $5/MTok × 500 = $0.0025 = 250,000 µ¢.
    expect(cost).toEqual({
      microCents: 350_000,
      fallbackPrice: false,
      priceTableVersion: PRICE_TABLE_VERSION,
      modelKey: 'claude-haiku-4-5',
      lines: { ...NO_LINES, input: 100_000, output: 250_000 },
      geoUpliftMicroCents: 0,
    });
  });

  it('prices 5-minute and 1-hour cache writes apart when usage splits them', () => {
    const usage: AnthropicUsage = {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 6_000,
      cache_creation: { ephemeral_5m_input_tokens: 2_000, ephemeral_1h_input_tokens: 4_000 },
    };

    const cost = costOfUsage(usage, 'claude-opus-4-7');

    // $6.25/MTok × 2,000 = 1,250,000 µ¢; $10/MTok × 4,000 = 4,000,000 µ¢.
    expect(cost.lines).toEqual({ ...NO_LINES, cacheWrite5m: 1_250_000, cacheWrite1h: 4_000_000 });
    expect(cost.microCents).toBe(5_250_000);
  });

  it('counts every cache write as 5-minute when usage has no split', () => {
    const usage = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 6_000 };

    const cost = costOfUsage(usage, 'claude-opus-4-7');

    expect(cost.lines).toEqual({ ...NO_LINES, cacheWrite5m: 3_750_000 });
  });

  it('bills as 5-minute writes any part of the aggregate the split leaves out', () => {
    const usage: AnthropicUsage = {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 5_000,
      cache_creation: { ephemeral_1h_input_tokens: 4_000 },
    };

    const cost = costOfUsage(usage, 'claude-opus-4-7');

    expect(cost.lines).toEqual({ ...NO_LINES, cacheWrite5m: 625_000, cacheWrite1h: 4_000_000 });
  });

  it('prices cache reads at the cache-hit rate', () => {
    const usage = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 10_000 };

    const cost = costOfUsage(usage, 'claude-sonnet-4-5-20250929');

    // $0.30/MTok × 10,000 = $0.003 = 300,000 µ¢.
    expect(cost.lines).toEqual({ ...NO_LINES, cacheRead: 300_000 });
    expect(cost.modelKey).toBe('claude-sonnet-4-5');
  });

  it('treats null cache fields as zero', () => {
    const usage: AnthropicUsage = {
      input_tokens: 10,
      output_tokens: 0,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
      cache_creation: null,
      inference_geo: null,
    };

    const cost = costOfUsage(usage, 'claude-haiku-4-5');

    expect(cost.microCents).toBe(1_000);
  });

  it('multiplies the cost by 1.1 for US-only inference', () => {
    const usage = { input_tokens: 1_000, output_tokens: 500, inference_geo: 'us' };

    const cost = costOfUsage(usage, 'claude-opus-4-6');

    // (1,000 × 500 + 500 × 2,500) × 1.1 = 1,750,000 × 1.1 = 1,925,000 µ¢.
    expect(cost.microCents).toBe(1_925_000);
    expect(cost.geoUpliftMicroCents).toBe(175_000);
    expect(cost.lines).toEqual({ ...NO_LINES, input: 500_000, output: 1_250_000 });
  });

  it('rounds the US-only uplift up to the next micro-cent', () => {
    const usage: AnthropicUsage = {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 1,
      inference_geo: 'us',
    };

    const cost = costOfUsage(usage, 'claude-opus-4-7');

    // 625 µ¢ × 1.1 = 687.5 µ¢, charged as 688.
    expect(cost.microCents).toBe(688);
  });

  it('charges standard rates for the global geo', () => {
    const usage = { input_tokens: 1_000, output_tokens: 0, inference_geo: 'global' };

    const cost = costOfUsage(usage, 'claude-opus-4-6');

    expect(cost.microCents).toBe(500_000);
  });

  it('prices an unknown Claude model at its family ceiling and flags it', () => {
    const usage = { input_tokens: 1_000, output_tokens: 0 };

    const cost = costOfUsage(usage, 'claude-opus-9');

    expect(cost.fallbackPrice).toBe(true);
    expect(cost.modelKey).toBe('family-max:opus');
    expect(cost.microCents).toBe(1_000 * PRICE_TABLE['claude-opus-4-1']!.input);
  });

  it.each([
    ['input_tokens', { input_tokens: -1, output_tokens: 0 }],
    ['output_tokens', { input_tokens: 0, output_tokens: 1.5 }],
    ['output_tokens', { input_tokens: 0, output_tokens: Number.NaN }],
    ['cache_read_input_tokens', { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: -3 }],
    [
      'ephemeral_1h_input_tokens',
      { input_tokens: 0, output_tokens: 0, cache_creation: { ephemeral_1h_input_tokens: 0.5 } },
    ],
  ])('throws a typed error naming %s when a count is negative or fractional', (field, usage) => {
    const attempt = () => costOfUsage(usage as AnthropicUsage, 'claude-haiku-4-5');

    expect(attempt).toThrow(PricingError);
    expect(attempt).toThrow(
      expect.objectContaining({ code: PRICING_ERROR_CODE.invalidTokenCount, field }),
    );
  });

  it('throws a typed error rather than lose precision on an absurd count', () => {
    const usage = { input_tokens: Number.MAX_SAFE_INTEGER, output_tokens: 0 };

    const attempt = () => costOfUsage(usage, 'claude-opus-4-1');

    expect(attempt).toThrow(expect.objectContaining({ code: PRICING_ERROR_CODE.unsafeAmount }));
  });
});
