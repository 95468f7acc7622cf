/**
 * Settings shared by the CDK stack and the local stack. Each can be overridden
 * with CDK context (see the README's configuration table) or, locally, with the
 * environment variable of the same meaning.
 */
export interface ServiceSettings {
  /** Models hosted agents may use; BYO agents may use any `claude-*` model. */
  readonly hostedModels: readonly string[];
  readonly defaultDailySpendCapCents: number;
  /** Key validations a workspace may run per minute, failed or not. */
  readonly validationsPerMinute: number;
  /** Failed key validations a workspace may run per hour. */
  readonly failedValidationsPerHour: number;
  /** Name prefix of the workspace secrets vault in Secrets Manager. */
  readonly vaultPrefix: string;
  /** Name of the secret that holds the platform's hosted Anthropic key. */
  readonly hostedKeySecretName: string;
  readonly anthropicTimeoutMs: number;
  /** Retries the Anthropic SDK makes on 408, 409, 429 and 5xx before giving up. */
  readonly anthropicMaxRetries: number;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  hostedModels: ['claude-opus-4-7', 'claude-haiku-4-5-20251001'],
  defaultDailySpendCapCents: 1000,
  validationsPerMinute: 10,
  failedValidationsPerHour: 30,
  vaultPrefix: 'workspace-vault',
  hostedKeySecretName: 'platform/anthropic/hosted-api-key',
  // The HTTP API answers 504 after 29 s, so a call must end before: one
  // attempt of at most 25 s, and the agent retries on 503 with Retry-After.
  anthropicTimeoutMs: 25_000,
  anthropicMaxRetries: 0,
};
