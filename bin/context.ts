import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../lib/definitions/settings.js';

/** The configuration the stack is built with, after context overrides. */
export interface StackConfig {
  readonly settings: ServiceSettings;
  readonly logRetentionDays: RetentionDays;
}

export const DEFAULT_LOG_RETENTION_DAYS = RetentionDays.ONE_MONTH;

/** Characters Secrets Manager allows in a name, in `/`-separated parts, so no `*` can widen IAM. */
const VAULT_PREFIX_PATTERN = /^[A-Za-z0-9_+=.@-]+(\/[A-Za-z0-9_+=.@-]+)*$/;
const MODEL_PATTERN = /^claude-[a-z0-9.-]+$/;
const RETENTION_DAYS = Object.values(RetentionDays).filter((value) => typeof value === 'number');

/**
 * Reads the optional context values (`cdk -c key=value` or cdk.json) over
 * DEFAULT_SETTINGS. Every value is checked here, so a bad one fails the synth
 * with its name instead of deploying a stack that misbehaves later.
 */
export function configFromContext(node: Node): StackConfig {
  const settings: ServiceSettings = {
    ...DEFAULT_SETTINGS,
    vaultPrefix: vaultPrefix(node.tryGetContext('vaultPrefix')),
    hostedModels: hostedModels(node.tryGetContext('hostedModels')),
    defaultDailySpendCapCents: spendCapCents(node.tryGetContext('defaultDailySpendCapCents')),
  };
  assertHostedSecretOutsideVault(settings);

  return { settings, logRetentionDays: logRetentionDays(node.tryGetContext('logRetentionDays')) };
}

function vaultPrefix(raw: unknown): string {
  const value = raw ?? DEFAULT_SETTINGS.vaultPrefix;
  if (typeof value !== 'string' || !VAULT_PREFIX_PATTERN.test(value)) {
    throw contextError('vaultPrefix', 'a secret name prefix like "workspace-vault"', raw);
  }
  return value;
}

/** Accepts a comma list from the command line or an array from cdk.json. */
function hostedModels(raw: unknown): readonly string[] {
  if (raw === undefined) return DEFAULT_SETTINGS.hostedModels;

  const items = Array.isArray(raw) ? raw : String(raw).split(',');
  const models = items.map((item) => String(item).trim());
  if (models.length === 0 || !models.every((model) => MODEL_PATTERN.test(model))) {
    throw contextError('hostedModels', 'a comma list of claude-* model ids', raw);
  }
  return models;
}

function spendCapCents(raw: unknown): number {
  if (raw === undefined) return DEFAULT_SETTINGS.defaultDailySpendCapCents;

  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw contextError('defaultDailySpendCapCents', 'a non-negative whole number of cents', raw);
  }
  return value;
}

function logRetentionDays(raw: unknown): RetentionDays {
  if (raw === undefined) return DEFAULT_LOG_RETENTION_DAYS;

  const value = Number(raw);
  if (!RETENTION_DAYS.includes(value)) {
    throw contextError('logRetentionDays', `one of ${RETENTION_DAYS.join(', ')}`, raw);
  }
  return value;
}

/** The writer may overwrite and delete any secret under the vault prefix: never the hosted key. */
function assertHostedSecretOutsideVault(settings: ServiceSettings): void {
  if (settings.hostedKeySecretName.startsWith(`${settings.vaultPrefix}/`)) {
    throw new Error(
      `Context value vaultPrefix "${settings.vaultPrefix}" would contain the hosted key secret ` +
        `"${settings.hostedKeySecretName}"; choose a prefix outside it`,
    );
  }
}

function contextError(key: string, expected: string, raw: unknown): Error {
  return new Error(`Context value ${key} must be ${expected}; got ${JSON.stringify(raw)}`);
}
