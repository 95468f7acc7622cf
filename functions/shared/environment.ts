/**
 * Names of the environment variables the functions read. The CDK stack and the
 * local stack both build the environment from these names, so a function sees
 * the same configuration on Lambda and on a laptop.
 */
export const ENV = {
  agentsTable: 'AGENTS_TABLE_NAME',
  countersTable: 'COUNTERS_TABLE_NAME',
  auditTable: 'AUDIT_TABLE_NAME',
  vaultPrefix: 'VAULT_SECRET_PREFIX',
  vaultKmsKeyId: 'VAULT_KMS_KEY_ID',
  fingerprintKeyId: 'FINGERPRINT_KMS_KEY_ID',
  hostedKeySecretId: 'HOSTED_KEY_SECRET_ID',
  hostedModels: 'HOSTED_MODELS',
  defaultDailySpendCapCents: 'DEFAULT_DAILY_SPEND_CAP_CENTS',
  validationsPerMinute: 'KEY_VALIDATIONS_PER_MINUTE',
  failedValidationsPerHour: 'FAILED_KEY_VALIDATIONS_PER_HOUR',
  anthropicBaseUrl: 'ANTHROPIC_BASE_URL',
  anthropicTimeoutMs: 'ANTHROPIC_TIMEOUT_MS',
  anthropicMaxRetries: 'ANTHROPIC_MAX_RETRIES',
  sweepMinSecretAgeSeconds: 'SWEEP_MIN_SECRET_AGE_SECONDS',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

/** Reads a variable the function cannot run without; fails at cold start, not mid-request. */
export function requireEnv(name: EnvName): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing environment variable ${name}`);
  }
  return value;
}

/** Reads an optional variable, falling back to a default. */
export function optionalEnv(name: EnvName, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** Reads an optional positive integer variable, falling back to a default. */
export function integerEnv(name: EnvName, fallback: number): number {
  const raw = optionalEnv(name, String(fallback));
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a non-negative integer`);
  }
  return value;
}
