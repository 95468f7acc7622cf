import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costOfUsage,
  FRAMING_TOKENS_PER_MESSAGE,
  FRAMING_TOKENS_PER_REQUEST,
  FRAMING_TOKENS_PER_TOOL,
  PRICING_ERROR_CODE,
  PricingError,
  type WorstCaseRequest,
  worstCaseCost,
} from '../../../functions/domain/pricing/index.js';
import { countsArbitrary, geoArbitrary, modelArbitrary, usageOf } from './arbitraries.js';

const HAIKU_REQUEST: WorstCaseRequest = {
  bodyBytes: 1_000,
  maxTokens: 500,
  model: 'claude-haiku-4-5',
  messageCount: 2,
  toolCount: 1,
};

describe('worstCaseCost', () => {
  it('bounds input by body bytes plus framing, priced at the dearest input-side rate', () => {
    const bound = worstCaseCost(HAIKU_REQUEST);

    // 1,000 bytes + 2 × 16 + 1 × 1,024 + 2,048 = 4,104 tokens at the 1h write rate (200 µ¢),
    // plus 500 output tokens at 500 µ¢: 820,800 + 250,000.
    expect(FRAMING_TOKENS_PER_MESSAGE).toBe(16);
    expect(FRAMING_TOKENS_PER_TOOL).toBe(1_024);
    expect(FRAMING_TOKENS_PER_REQUEST).toBe(2_048);
    expect(bound).toEqual({ microCents: 1_070_800, inputTokensBound: 4_104 });
  });

  it('reserves 1.1 times as much for US-only inference', () => {
    const bound = worstCaseCost({ ...HAIKU_REQUEST, inferenceGeo: 'us' });

    expect(bound.microCents).toBe(1_177_880);
  });

  it('reserves at the family ceiling for an unknown Claude model', () => {
    const known = worstCaseCost({ ...HAIKU_REQUEST, model: 'claude-opus-4-1' });

    const unknown = worstCaseCost({ ...HAIKU_REQUEST, model: 'claude-opus-9' });

    expect(unknown).toEqual(known);
  });

  it.each(['bodyBytes', 'maxTokens', 'messageCount', 'toolCount'] as const)(
    'throws a typed error when %s is negative or fractional',
    (field) => {
      const attempts = [-1, 0.5].map(
        (value) => () => worstCaseCost({ ...HAIKU_REQUEST, [field]: value }),
      );

      for (const attempt of attempts) {
        expect(attempt).toThrow(PricingError);
        expect(attempt).toThrow(
          expect.objectContaining({ code: PRICING_ERROR_CODE.invalidRequestSize, field }),
        );
      }
    },
  );

  it('is at least the settled cost of any usage that fits the request', () => {
    const slack = fc.nat({ max: 1_000_000 });
    const framing = fc.nat({ max: 200 });

    fc.assert(
      fc.property(
        countsArbitrary,
        modelArbitrary,
        geoArbitrary,
        fc.tuple(slack, slack, framing, framing),
        (counts, model, geo, [spareBytes, spareOutput, messageCount, toolCount]) => {
          const promptTokens = counts.input + counts.write5m + counts.write1h + counts.read;
          const inferenceGeo = geo ?? undefined;
          const request = {
            bodyBytes: promptTokens + spareBytes,
            maxTokens: counts.output + spareOutput,
            model,
            messageCount,
            toolCount,
            inferenceGeo,
          };

          const bound = worstCaseCost(request);
          const settled = costOfUsage(usageOf(counts, inferenceGeo), model);

          expect(bound.inputTokensBound).toBeGreaterThanOrEqual(promptTokens);
          expect(bound.microCents).toBeGreaterThanOrEqual(settled.microCents);
        },
      ),
    );
  });
});
