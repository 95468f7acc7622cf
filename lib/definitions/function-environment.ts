import { ENV } from '../../functions/shared/environment.js';
import type { ServiceSettings } from './settings.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from './tables.js';

/** Where the stack's resources are; CDK passes tokens, the local stack real names. */
export interface ResourceLocations {
  readonly agentsTableName: string;
  readonly countersTableName: string;
  readonly auditTableName: string;
  readonly vaultKmsKeyId: string;
  readonly fingerprintKmsKeyId: string;
  readonly hostedKeySecretId: string;
}

/**
 * The environment every function runs with. Built in one place so that Lambda
 * and the local stack give a handler exactly the same variables. None of them
 * carries a secret: keys are only ever read from Secrets Manager.
 */
export function functionEnvironment(
  locations: ResourceLocations,
  settings: ServiceSettings,
): Record<string, string> {
  return {
    [AGENTS_TABLE.envVar]: locations.agentsTableName,
    [COUNTERS_TABLE.envVar]: locations.countersTableName,
    [AUDIT_TABLE.envVar]: locations.auditTableName,
    [ENV.vaultKmsKeyId]: locations.vaultKmsKeyId,
    [ENV.fingerprintKeyId]: locations.fingerprintKmsKeyId,
    [ENV.hostedKeySecretId]: locations.hostedKeySecretId,
    [ENV.vaultPrefix]: settings.vaultPrefix,
    [ENV.hostedModels]: settings.hostedModels.join(','),
    [ENV.defaultDailySpendCapCents]: String(settings.defaultDailySpendCapCents),
    [ENV.validationsPerMinute]: String(settings.validationsPerMinute),
    [ENV.failedValidationsPerHour]: String(settings.failedValidationsPerHour),
    [ENV.anthropicTimeoutMs]: String(settings.anthropicTimeoutMs),
    [ENV.anthropicMaxRetries]: String(settings.anthropicMaxRetries),
  };
}
