/** Where an agent's LLM calls get their Anthropic credentials. */
export const LLM_PROVIDER = {
  hosted: 'HOSTED_ANTHROPIC',
  byo: 'BYO_ANTHROPIC',
} as const;
export type LlmProvider = (typeof LLM_PROVIDER)[keyof typeof LLM_PROVIDER];

/** Whether Anthropic still accepts a BYO key; `REJECTED` once a call was refused with it. */
export const BYO_KEY_STATUS = { valid: 'VALID', rejected: 'REJECTED' } as const;
export type ByoKeyStatus = (typeof BYO_KEY_STATUS)[keyof typeof BYO_KEY_STATUS];

/** Prompt cache lifetimes Anthropic offers; the longer one costs more to write. */
export const PROMPT_CACHE_TTLS = ['5m', '1h'] as const;
export type PromptCacheTtl = (typeof PROMPT_CACHE_TTLS)[number];

/** References to a customer's key in the vault. The key itself is never part of an agent. */
export interface ByoKeyReference {
  /** Opaque id shown to clients; stable across rotations of the same secret. */
  readonly secretId: string;
  readonly secretArn: string;
  /** The exact secret version in force; calls read this version, never "whatever is current". */
  readonly secretVersionId: string;
  /** `sk-ant-****` and the last four characters. */
  readonly hint: string;
  /** KMS HMAC of the key, to match a leaked key to the agents that use it. */
  readonly fingerprint: string;
  readonly validatedAt: string;
  readonly status: ByoKeyStatus;
}

export interface Agent {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly llmProvider: LlmProvider;
  readonly llmModel: string;
  readonly dailySpendCapCents: number;
  readonly promptCacheTtl: PromptCacheTtl;
  /** Incremented by every change; the API's ETag. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly byoKey?: ByoKeyReference;
}

/** Agent fields a PATCH may change, and their new values. */
export type AgentSettings = Pick<
  Agent,
  'name' | 'llmProvider' | 'llmModel' | 'dailySpendCapCents' | 'promptCacheTtl'
>;

/** Largest daily cap accepted: $100,000, far above any agent's day and far below overflow. */
export const MAX_DAILY_SPEND_CAP_CENTS = 10_000_000;
