import { ENV, integerEnv, optionalEnv, requireEnv } from './environment.js';

/** Settings every API function reads; none of them is secret. */
export interface ApiConfig {
  readonly hostedModels: readonly string[];
  readonly defaultDailySpendCapCents: number;
}

export function apiConfig(): ApiConfig {
  return {
    hostedModels: requireEnv(ENV.hostedModels)
      .split(',')
      .map((model) => model.trim())
      .filter(Boolean),
    defaultDailySpendCapCents: integerEnv(ENV.defaultDailySpendCapCents, 1000),
  };
}

/** Settings of the function that stores keys: where the vault is and how fast keys may be tried. */
export function vaultConfig() {
  return {
    prefix: optionalEnv(ENV.vaultPrefix, 'workspace-vault'),
    kmsKeyId: requireEnv(ENV.vaultKmsKeyId),
    fingerprintKeyId: requireEnv(ENV.fingerprintKeyId),
    validationsPerMinute: integerEnv(ENV.validationsPerMinute, 10),
    failedValidationsPerHour: integerEnv(ENV.failedValidationsPerHour, 30),
  };
}
