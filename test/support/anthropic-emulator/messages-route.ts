import { authenticate, NO_CREDIT_MESSAGE } from './auth.js';
import { type ApiReply, errorReply, newMessageId } from './errors.js';
import { allowsModel } from './keys.js';
import { type MessagesRequest, validateMessagesRequest } from './message-request.js';
import type { EmulatorState } from './state.js';
import { flattenPrompt, parseCacheControl, sumTokens } from './tokens.js';
import { buildUsage } from './usage.js';

/** Output tokens of a reply when `max_tokens` does not cut it short. */
export const DEFAULT_OUTPUT_TOKENS = 12;

/** The sentence the reply text repeats; about four tokens by the emulator's estimate. */
const REPLY_SENTENCE = 'Emulated reply.';

/**
 * Answers `POST /v1/messages`. Checks run in the real API's order (authentication, permission,
 * request shape, billing, model) so each failing setup yields the same error as production.
 */
export function handleCreateMessage(
  state: EmulatorState,
  apiKey: string | null,
  body: unknown,
): ApiReply {
  const auth = authenticate(state.keys, apiKey);
  if (!auth.ok) {
    return auth.reply;
  }

  const validation = validateMessagesRequest(body);
  if (!validation.ok) {
    return errorReply(400, validation.message);
  }

  const { request } = validation;
  if (request.stream === true) {
    return errorReply(400, 'streaming is not supported by the emulator');
  }
  if (auth.entry.status === 'no_credit') {
    return errorReply(400, NO_CREDIT_MESSAGE);
  }
  if (!allowsModel(auth.entry, request.model)) {
    return errorReply(404, `model: ${request.model}`);
  }

  return { status: 200, body: buildMessage(state, `${apiKey}\u0000${request.model}`, request) };
}

/** Builds the Message; the prompt cache is scoped by key and model like the real one. */
function buildMessage(state: EmulatorState, cacheScope: string, request: MessagesRequest): unknown {
  const blocks = flattenPrompt(request);
  const automatic = parseCacheControl(request.cache_control);
  const cache = state.cache.resolve(cacheScope, blocks, automatic, state.config.minCacheableTokens);
  const outputTokens = Math.min(request.max_tokens, DEFAULT_OUTPUT_TOKENS);
  const inferenceGeo =
    typeof request.inference_geo === 'string' ? request.inference_geo : undefined;

  return {
    id: newMessageId(),
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: [{ type: 'text', text: replyText(outputTokens) }],
    stop_reason: outputTokens < DEFAULT_OUTPUT_TOKENS ? 'max_tokens' : 'end_turn',
    stop_sequence: null,
    usage: buildUsage({ promptTokens: sumTokens(blocks), cache, outputTokens, inferenceGeo }),
  };
}

/** Repeats the sentence about once per four output tokens so longer replies look longer. */
function replyText(outputTokens: number): string {
  const repeats = Math.max(1, Math.ceil(outputTokens / 4));

  return Array.from({ length: repeats }, () => REPLY_SENTENCE).join(' ');
}
