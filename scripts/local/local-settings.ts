import { ENV, type EnvName } from '../../functions/shared/environment.js';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../lib/definitions/settings.js';

/**
 * The service settings for a local stack: the defaults, each overridden by the
 * environment variable the functions read for it (`HOSTED_MODELS=a,b`,
 * `DEFAULT_DAILY_SPEND_CAP_CENTS=500`, …), as lib/definitions/settings.ts promises.
 */
export function localSettings(env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  const defaults = DEFAULT_SETTINGS;
  const integer = (name: EnvName, fallback: number) => integerOr(env, name, fallback);

  return {
    ...defaults,
    hostedModels: textOf(env, ENV.hostedModels)?.split(',') ?? defaults.hostedModels,
    vaultPrefix: textOf(env, ENV.vaultPrefix) ?? defaults.vaultPrefix,
    defaultDailySpendCapCents: integer(
      ENV.defaultDailySpendCapCents,
      defaults.defaultDailySpendCapCents,
    ),
    validationsPerMinute: integer(ENV.validationsPerMinute, defaults.validationsPerMinute),
    failedValidationsPerHour: integer(
      ENV.failedValidationsPerHour,
      defaults.failedValidationsPerHour,
    ),
    anthropicTimeoutMs: integer(ENV.anthropicTimeoutMs, defaults.anthropicTimeoutMs),
    anthropicMaxRetries: integer(ENV.anthropicMaxRetries, defaults.anthropicMaxRetries),
  };
}

function textOf(env: NodeJS.ProcessEnv, name: EnvName): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integerOr(env: NodeJS.ProcessEnv, name: EnvName, fallback: number): number {
  const raw = textOf(env, name);
  if (raw === undefined) return fallback;

  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
