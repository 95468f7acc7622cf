import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ModelPrices,
  PRICE_TABLE,
  PRICING_ERROR_CODE,
  PricingError,
  resolvePrice,
} from '../../../functions/domain/pricing/index.js';

const PRICE_FIELDS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead'] as const;

function tableRows(filter: (model: string) => boolean): ModelPrices[] {
  return Object.entries(PRICE_TABLE)
    .filter(([model]) => filter(model))
    .map(([, prices]) => prices);
}

function expectAtLeastEveryRow(prices: ModelPrices, rows: readonly ModelPrices[]): void {
  for (const row of rows) {
    for (const field of PRICE_FIELDS) {
      expect(prices[field]).toBeGreaterThanOrEqual(row[field]);
    }
  }
}

describe('resolvePrice', () => {
  it.each(Object.keys(PRICE_TABLE))('resolves %s to its own row', (model) => {
    const resolved = resolvePrice(model);

    expect(resolved).toEqual({ modelKey: model, prices: PRICE_TABLE[model], fallback: false });
  });

  it.each([
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-opus-4-5-20251101', 'claude-opus-4-5'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['claude-opus-4-20250514', 'claude-opus-4'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet'],
    ['claude-3-5-haiku-20241022', 'claude-3-5-haiku'],
    ['claude-3-haiku-20240307', 'claude-3-haiku'],
    ['claude-3-7-sonnet-latest', 'claude-3-7-sonnet'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku'],
    ['claude-opus-4-0', 'claude-opus-4'],
    ['claude-sonnet-4-0', 'claude-sonnet-4'],
  ])('resolves %s to the %s row', (model, modelKey) => {
    const resolved = resolvePrice(model);

    expect(resolved).toEqual({ modelKey, prices: PRICE_TABLE[modelKey], fallback: false });
  });

  it.each([
    ['claude-opus-5', 'opus'],
    ['claude-sonnet-5-5-20261001', 'sonnet'],
    ['claude-haiku-5-5', 'haiku'],
    ['claude-4-haiku-latest', 'haiku'],
  ])('prices unknown %s at the highest %s price, flagged as a fallback', (model, family) => {
    const familyRows = tableRows((key) => key.split('-').includes(family));

    const resolved = resolvePrice(model);

    expect(resolved.fallback).toBe(true);
    expect(resolved.modelKey).toBe(`family-max:${family}`);
    expectAtLeastEveryRow(resolved.prices, familyRows);
    for (const field of PRICE_FIELDS) {
      expect(familyRows.map((row) => row[field])).toContain(resolved.prices[field]);
    }
  });

  it('prices the opus family at the Opus 4 and 4.1 price, its dearest row', () => {
    const resolved = resolvePrice('claude-opus-5');

    expect(resolved.prices).toEqual(PRICE_TABLE['claude-opus-4-1']);
  });

  it('prices a Claude model of no known family at the highest price of all models', () => {
    const resolved = resolvePrice('claude-fable-5-1');

    expect(resolved.fallback).toBe(true);
    expect(resolved.modelKey).toBe('all-max');
    expectAtLeastEveryRow(resolved.prices, Object.values(PRICE_TABLE));
  });

  it('never throws for a claude-* id and always returns positive prices', () => {
    fc.assert(
      fc.property(fc.string(), (suffix) => {
        const resolved = resolvePrice(`claude-${suffix}`);

        for (const field of PRICE_FIELDS) {
          expect(resolved.prices[field]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it.each(['gpt-4o', '', 'Claude-opus-4', 'anthropic.claude-opus-4-1'])(
    'throws a typed error for the non-Claude id %j',
    (model) => {
      const attempt = () => resolvePrice(model);

      expect(attempt).toThrow(PricingError);
      expect(attempt).toThrow(expect.objectContaining({ code: PRICING_ERROR_CODE.unknownModel }));
    },
  );
});
