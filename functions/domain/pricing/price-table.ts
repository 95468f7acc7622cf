/**
 * What one model charges, in integer micro-cents per token for every field (1 cent = 1,000,000
 * micro-cents, so $1 per million tokens = 100 micro-cents per token). Every published Claude
 * price is a whole number in this unit, so a cost is an exact integer product: no float ever
 * touches money.
 */
export interface ModelPrices {
  /** Uncached input tokens. */
  readonly input: number;
  readonly output: number;
  /** Tokens written to the 5-minute prompt cache (1.25 × input). */
  readonly cacheWrite5m: number;
  /** Tokens written to the 1-hour prompt cache (2 × input). */
  readonly cacheWrite1h: number;
  /** Tokens read back from the prompt cache (0.1 × input). */
  readonly cacheRead: number;
}

/** Stored beside every settled cost, so a later price change never rewrites what a call cost. */
export const PRICE_TABLE_VERSION = '2026-12-03';

// Source: Anthropic's public pricing page, "Model pricing" table
// (https://platform.claude.com/docs/en/about-claude/pricing, formerly
// https://docs.anthropic.com/en/docs/about-claude/pricing), read on 2026-12-03.
// Comments give the published USD per million tokens:
// input / 5m cache write / 1h cache write / cache hit / output.

/** $5 / $6.25 / $10 / $0.50 / $25: Opus 4.5 and every later Opus 4.x. */
const OPUS_FROM_4_5: ModelPrices = {
  input: 500,
  output: 2_500,
  cacheWrite5m: 625,
  cacheWrite1h: 1_000,
  cacheRead: 50,
};

/** $15 / $18.75 / $30 / $1.50 / $75: Opus 4 and Opus 4.1. */
const OPUS_4_AND_4_1: ModelPrices = {
  input: 1_500,
  output: 7_500,
  cacheWrite5m: 1_875,
  cacheWrite1h: 3_000,
  cacheRead: 150,
};

/** $3 / $3.75 / $6 / $0.30 / $15: every Sonnet from 3.7 to 4.6. */
const SONNET: ModelPrices = {
  input: 300,
  output: 1_500,
  cacheWrite5m: 375,
  cacheWrite1h: 600,
  cacheRead: 30,
};

/** $1 / $1.25 / $2 / $0.10 / $5. */
const HAIKU_4_5: ModelPrices = {
  input: 100,
  output: 500,
  cacheWrite5m: 125,
  cacheWrite1h: 200,
  cacheRead: 10,
};

/** $0.80 / $1 / $1.60 / $0.08 / $4. */
const HAIKU_3_5: ModelPrices = {
  input: 80,
  output: 400,
  cacheWrite5m: 100,
  cacheWrite1h: 160,
  cacheRead: 8,
};

/**
 * $0.25 / $0.30 / $0.50 / $0.03 / $1.25. The page rounds this model's cache prices, so its
 * 5-minute write is 1.2 × input and its cache hit 0.12 × input, not 1.25 × and 0.1 ×: the
 * published figures are what Anthropic bills, so they are kept as published.
 */
const HAIKU_3: ModelPrices = {
  input: 25,
  output: 125,
  cacheWrite5m: 30,
  cacheWrite1h: 50,
  cacheRead: 3,
};

/**
 * The one price table, keyed by the undated model id; dated ids and `-latest` aliases resolve to
 * these keys (see `resolvePrice`).
 *
 * Known shortcoming: Sonnet 4 and 4.5 once billed prompts above 200K tokens (their 1M-context
 * beta) at $6 input / $22.50 output. That tier is not modelled because the model pages read on
 * the same day give both models a 200K context window, so such a prompt is refused rather than
 * billed. Should that beta be used again, add a long-context tier here.
 */
export const PRICE_TABLE: Readonly<Record<string, ModelPrices>> = Object.freeze({
  'claude-opus-4-8': OPUS_FROM_4_5,
  'claude-opus-4-7': OPUS_FROM_4_5,
  'claude-opus-4-6': OPUS_FROM_4_5,
  'claude-opus-4-5': OPUS_FROM_4_5,
  'claude-opus-4-1': OPUS_4_AND_4_1,
  'claude-opus-4': OPUS_4_AND_4_1,
  'claude-sonnet-4-6': SONNET,
  'claude-sonnet-4-5': SONNET,
  'claude-sonnet-4': SONNET,
  'claude-3-7-sonnet': SONNET,
  'claude-haiku-4-5': HAIKU_4_5,
  'claude-3-5-haiku': HAIKU_3_5,
  'claude-3-haiku': HAIKU_3,
});
