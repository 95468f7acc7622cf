import { PRICING_ERROR_CODE, PricingError } from './errors.js';
import { withGeoUplift } from './inference-geo.js';
import { multiplyExact, sumExact } from './integer-math.js';
import { resolvePrice } from './resolve-price.js';

/**
 * Tokens the API adds around every message beyond the message's own JSON (role markers, turn
 * separators). The JSON of even an empty message is about 30 bytes, already counted as 30 tokens,
 * so 16 more is a wide margin.
 */
export const FRAMING_TOKENS_PER_MESSAGE = 16;

/**
 * Tokens one tool may cost beyond its bytes in the body. Anthropic-defined tools (bash, text
 * editor, computer use) are sent as a short `type` reference but expand server-side into a
 * definition of several hundred tokens; 1,024 covers the largest of them.
 */
export const FRAMING_TOKENS_PER_TOOL = 1_024;

/**
 * Tokens added once per request: the tool-use system prompt (published at up to 530 tokens),
 * the computer-use system prompt (several hundred more) and the request's own framing.
 */
export const FRAMING_TOKENS_PER_REQUEST = 2_048;

/** What is known of a call before it is sent. */
export interface WorstCaseRequest {
  /** UTF-8 byte length of the JSON request body. */
  readonly bodyBytes: number;
  readonly maxTokens: number;
  readonly model: string;
  readonly messageCount: number;
  readonly toolCount: number;
  /** The geo the call will run in, including a workspace default the body does not state. */
  readonly inferenceGeo?: string;
}

export interface WorstCaseCost {
  readonly microCents: number;
  /** The most input-side tokens (input, cache writes and reads together) the call can bill. */
  readonly inputTokensBound: number;
}

/**
 * An upper bound on what a call can cost, to reserve against a spend cap before sending it so
 * that calls running at once can never settle above the cap. It over-reserves by design; the
 * reservation is replaced by `costOfUsage` once the call settles.
 *
 * Input tokens are bounded by the body's byte length, since a tokenizer never yields more tokens
 * than bytes of text and an image sent as base64 takes far more bytes than tokens, plus the
 * framing allowances above. They are priced at the dearest input-side rate (the call may write
 * the cache at either lifetime), output at `maxTokens` (which caps thinking too), then the US-only
 * uplift.
 *
 * Known shortcoming: the bound holds only for content inline in the body. An image or document
 * passed by URL or by Files API id, and server tools that fetch content (web search, web fetch,
 * code execution), add input tokens the body does not show; the caller must refuse them or
 * reserve for them separately. Fast mode, a premium speed tier, is not priced either.
 */
export function worstCaseCost(request: WorstCaseRequest): WorstCaseCost {
  const { prices } = resolvePrice(request.model);
  const inputTokensBound = inputTokensBoundOf(request);
  const outputTokens = requestSize(request.maxTokens, 'maxTokens');

  const inputRate = Math.max(prices.input, prices.cacheWrite5m, prices.cacheWrite1h);
  const standardMicroCents = sumExact(
    [
      multiplyExact(inputTokensBound, inputRate, 'inputTokensBound'),
      multiplyExact(outputTokens, prices.output, 'maxTokens'),
    ],
    'microCents',
  );

  return {
    microCents: withGeoUplift(standardMicroCents, request.inferenceGeo),
    inputTokensBound,
  };
}

function inputTokensBoundOf(request: WorstCaseRequest): number {
  const messages = requestSize(request.messageCount, 'messageCount');
  const tools = requestSize(request.toolCount, 'toolCount');

  return sumExact(
    [
      requestSize(request.bodyBytes, 'bodyBytes'),
      multiplyExact(messages, FRAMING_TOKENS_PER_MESSAGE, 'messageCount'),
      multiplyExact(tools, FRAMING_TOKENS_PER_TOOL, 'toolCount'),
      FRAMING_TOKENS_PER_REQUEST,
    ],
    'inputTokensBound',
  );
}

function requestSize(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PricingError(
      PRICING_ERROR_CODE.invalidRequestSize,
      field,
      `${field} must be a non-negative integer`,
    );
  }

  return value;
}
