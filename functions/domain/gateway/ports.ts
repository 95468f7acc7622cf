import type { Agent, ByoKeyReference } from '../agents/agent.js';
import type { AnthropicUsage } from '../pricing/index.js';
import type { CredentialSource } from '../spend/ports.js';

/** The key a call uses, for the duration of that call only. */
export interface LlmCredential {
  readonly source: CredentialSource;
  readonly apiKey: string;
}

/** Reads keys from the vault, caching each secret version for warm calls. */
export interface CredentialProvider {
  hosted(): Promise<LlmCredential>;
  byo(key: ByoKeyReference): Promise<LlmCredential>;
}

/** The parts of Anthropic's message the gateway reads; the rest is passed through untouched. */
export interface LlmMessage {
  readonly usage: AnthropicUsage;
  readonly [field: string]: unknown;
}

/** How an upstream call failed, in terms the gateway acts on. */
export type UpstreamFailureKind =
  | 'key_rejected'
  | 'no_credit'
  | 'model_not_found'
  | 'invalid_request'
  | 'rate_limited'
  | 'unavailable';

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

export interface LlmClient {
  /** Sends one Messages API request; throws UpstreamFailure when Anthropic refuses or fails. */
  createMessage(credential: LlmCredential, body: Record<string, unknown>): Promise<LlmMessage>;
}

/** Marks a BYO key Anthropic refused, once, with its audit event. */
export interface KeyStatusWriter {
  markRejected(agent: Agent, reason: string, requestId: string, now: Date): Promise<void>;
}
