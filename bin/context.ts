import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../lib/definitions/settings.js';
import {
  DEFAULT_STAGE,
  hostedKeySecretNameOf,
  STAGE_PROFILES,
  STAGES,
  type Stage,
  vaultPrefixOf,
} from '../lib/definitions/stages.js';
import type { ServiceConfig } from '../lib/service-stack.js';

/** The configuration the stack is built with, after context overrides. */
export type StackConfig = ServiceConfig;

/** Characters Secrets Manager allows in a name, in `/`-separated parts, so no `*` can widen IAM. */
const VAULT_PREFIX_PATTERN = /^[A-Za-z0-9_+=.@-]+(\/[A-Za-z0-9_+=.@-]+)*$/;
const MODEL_PATTERN = /^claude-[a-z0-9.-]+$/;
/** Deliberately plain: SNS sends a confirmation mail, which is the real check. */
const EMAIL_PATTERN = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const RETENTION_DAYS = Object.values(RetentionDays).filter((value) => typeof value === 'number');

/**
 * Reads the context values (`cdk -c key=value` or cdk.json) over the stage's
 * defaults. Every value is checked here, so a bad one fails the synth with
 * its name instead of deploying a stack that misbehaves later.
 */
export function configFromContext(node: Node): StackConfig {
  const stage = stageOf(node.tryGetContext('stage'));
  const settings: ServiceSettings = {
    ...DEFAULT_SETTINGS,
    vaultPrefix: vaultPrefix(node.tryGetContext('vaultPrefix'), stage),
    hostedKeySecretName: hostedKeySecretNameOf(stage, DEFAULT_SETTINGS.hostedKeySecretName),
    hostedModels: hostedModels(node.tryGetContext('hostedModels')),
    defaultDailySpendCapCents: spendCapCents(node.tryGetContext('defaultDailySpendCapCents')),
  };
  assertHostedSecretOutsideVault(settings);

  return {
    stage,
    settings,
    logRetentionDays: logRetentionDays(node.tryGetContext('logRetentionDays'), stage),
    alarmEmails: alarmEmails(node.tryGetContext('alarmEmails'), stage),
  };
}

function stageOf(raw: unknown): Stage {
  if (raw === undefined) return DEFAULT_STAGE;
  if (!STAGES.includes(raw as Stage))
    throw contextError('stage', `one of ${STAGES.join(', ')}`, raw);
  return raw as Stage;
}

function vaultPrefix(raw: unknown, stage: Stage): string {
  const value = raw ?? vaultPrefixOf(stage, DEFAULT_SETTINGS.vaultPrefix);
  if (typeof value !== 'string' || !VAULT_PREFIX_PATTERN.test(value)) {
    throw contextError('vaultPrefix', 'a secret name prefix like "prod/workspace-vault"', raw);
  }
  return value;
}

/** Accepts a comma list from the command line or an array from cdk.json. */
function hostedModels(raw: unknown): readonly string[] {
  if (raw === undefined) return DEFAULT_SETTINGS.hostedModels;

  const models = listOf(raw);
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

function logRetentionDays(raw: unknown, stage: Stage): RetentionDays {
  if (raw === undefined) return STAGE_PROFILES[stage].defaultLogRetention;

  const value = Number(raw);
  if (!RETENTION_DAYS.includes(value)) {
    throw contextError('logRetentionDays', `one of ${RETENTION_DAYS.join(', ')}`, raw);
  }
  return value;
}

/**
 * Prod alarms must reach someone, so prod needs at least one address. Dev
 * alarms have no actions: addresses given there are checked but not used,
 * so one cdk.json can serve both stages.
 */
function alarmEmails(raw: unknown, stage: Stage): readonly string[] {
  const emails = raw === undefined ? [] : listOf(raw).filter(Boolean);
  if (!emails.every((email) => EMAIL_PATTERN.test(email))) {
    throw contextError('alarmEmails', 'a comma list of email addresses', raw);
  }
  if (STAGE_PROFILES[stage].notifiesAlarms && emails.length === 0) {
    throw new Error(
      `Context value alarmEmails is required for stage ${stage}: its alarms notify an SNS topic ` +
        'whose subscribers are these addresses (e.g. -c alarmEmails=oncall@example.com)',
    );
  }
  return STAGE_PROFILES[stage].notifiesAlarms ? emails : [];
}

function listOf(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : String(raw).split(',');
  return items.map((item) => String(item).trim());
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
