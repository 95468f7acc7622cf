import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import {
  type LlmClient,
  type LlmMessage,
  UpstreamFailure,
  type UpstreamFailureKind,
} from '../../domain/gateway/ports.js';
import { logger } from '../../shared/logger.js';
import {
  type AnthropicCallOptions,
  anthropicClient,
  describeAnthropicError,
} from './anthropic-client.js';

function kindOf(error: unknown): UpstreamFailureKind {
  if (error instanceof Anthropic.AuthenticationError) return 'key_rejected';
  if (error instanceof Anthropic.PermissionDeniedError) return 'key_rejected';
  if (error instanceof Anthropic.NotFoundError) return 'model_not_found';
  if (error instanceof Anthropic.RateLimitError) return 'rate_limited';
  if (error instanceof Anthropic.BadRequestError) {
    return /credit balance/i.test(error.message) ? 'no_credit' : 'invalid_request';
  }
  return 'unavailable';
}

function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof Anthropic.APIError)) return undefined;
  const seconds = Number(error.headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** What of Anthropic's refusal may reach the caller: its own explanation, never headers. */
const safeMessage = (error: unknown) =>
  error instanceof Anthropic.APIError
    ? (error.apiMessage ?? error.type ?? 'request refused')
    : 'upstream failure';

/**
 * Messages API calls through the official SDK. Its retries are bounded by
 * `maxRetries` and every attempt by `timeoutMs`; what still fails becomes an
 * UpstreamFailure whose kind the gateway acts on.
 */
export function llmClient(options: AnthropicCallOptions): LlmClient {
  return {
    async createMessage(credential, body) {
      const client = anthropicClient(credential.apiKey, options);
      try {
        const message = await client.messages.create(
          body as unknown as MessageCreateParamsNonStreaming,
        );
        return message as unknown as LlmMessage;
      } catch (error) {
        const kind = kindOf(error);
        logger.warn('anthropic call failed', {
          kind,
          source: credential.source,
          anthropic: describeAnthropicError(error),
        });
        throw new UpstreamFailure(kind, safeMessage(error), retryAfterOf(error));
      }
    },
  };
}
