/** Where an agent's LLM calls get their Anthropic credentials, as the API names it. */
export const PROVIDER = { hosted: 'HOSTED_ANTHROPIC', byo: 'BYO_ANTHROPIC' } as const;
export type Provider = (typeof PROVIDER)[keyof typeof PROVIDER];

/** An agent as `GET /api/v1/agents/{id}` shows it; key fields only for BYO agents. */
export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly llmProvider: Provider;
  readonly llmModel: string;
  readonly dailySpendCapCents: number;
  readonly promptCacheTtl: string;
  /** `sk-ant-****1234`: the only form in which the API ever shows a key. */
  readonly byoKeyHint?: string;
  readonly byoKeyValidatedAt?: string;
  /** `REJECTED` once Anthropic refused the key during an agent call. */
  readonly byoKeyStatus?: 'VALID' | 'REJECTED';
  /** Shown to OWNER and ADMIN only. */
  readonly byoKeySecretId?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields of `PATCH /api/v1/agents/{id}` this page sends. */
export interface AgentPatch {
  llmProvider?: Provider;
  llmModel?: string;
  byoApiKey?: string;
  dailySpendCapCents?: number;
}

/** An agent's UTC day, from `GET /api/v1/agents/{id}/spend`. */
export interface DaySpend {
  readonly day: string;
  readonly spentCents: number;
  readonly reservedCents: number;
  readonly capCents: number;
  readonly remainingCents: number;
  readonly calls: number;
  readonly resetsAt: string;
}

export type AuditActor =
  | { readonly kind: 'user'; readonly userId: string; readonly role: string }
  | { readonly kind: 'system'; readonly component: string };

/** One entry of `GET /api/v1/agents/{id}/audit-events`; keys appear as hints only. */
export interface AuditEvent {
  readonly id: string;
  readonly type: string;
  readonly at: string;
  readonly actor: AuditActor;
  readonly requestId?: string;
  readonly changes?: Readonly<Record<string, { from: unknown; to: unknown }>>;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditPage {
  readonly events: readonly AuditEvent[];
  readonly nextCursor?: string;
}
