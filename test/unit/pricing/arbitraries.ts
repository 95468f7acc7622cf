import fc from 'fast-check';
import { type AnthropicUsage, PRICE_TABLE } from '../../../functions/domain/pricing/index.js';

/** Token counts of one call, one per price line, before they are shaped as `usage`. */
export interface Counts {
  readonly input: number;
  readonly output: number;
  readonly write5m: number;
  readonly write1h: number;
  readonly read: number;
}

/** Large enough for any real call (a 1M-token prompt), small enough to stay exact when summed. */
export const MAX_TOKENS_PER_LINE = 10_000_000;

const count = fc.nat({ max: MAX_TOKENS_PER_LINE });

export const countsArbitrary: fc.Arbitrary<Counts> = fc.record({
  input: count,
  output: count,
  write5m: count,
  write1h: count,
  read: count,
});

/** Every table key, some dated ids and aliases, and ids that take each fallback path. */
export const modelArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  ...Object.keys(PRICE_TABLE),
  'claude-haiku-4-5-20251001',
  'claude-3-5-haiku-latest',
  'claude-opus-9',
  'claude-sonnet-9-1',
  'claude-haiku-9',
  'claude-fable-5-1',
);

export const geoArbitrary: fc.Arbitrary<string | null | undefined> = fc.constantFrom(
  undefined,
  null,
  'global',
  'us',
);

/** Shapes counts as Anthropic reports them, with the aggregate and the 5m/1h split both set. */
export function usageOf(counts: Counts, inferenceGeo?: string | null): AnthropicUsage {
  return {
    input_tokens: counts.input,
    output_tokens: counts.output,
    cache_creation_input_tokens: counts.write5m + counts.write1h,
    cache_read_input_tokens: counts.read,
    cache_creation: {
      ephemeral_5m_input_tokens: counts.write5m,
      ephemeral_1h_input_tokens: counts.write1h,
    },
    inference_geo: inferenceGeo,
  };
}

export function addCounts(left: Counts, right: Counts): Counts {
  return {
    input: left.input + right.input,
    output: left.output + right.output,
    write5m: left.write5m + right.write5m,
    write1h: left.write1h + right.write1h,
    read: left.read + right.read,
  };
}
