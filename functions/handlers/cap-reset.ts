import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { capResetStore } from '../adapters/dynamodb/cap-reset-store.js';
import { agentKeySecretArn } from '../adapters/dynamodb/sweep-agent-keys.js';
import { capResetConfig } from '../adapters/jobs/cap-reset-config.js';
import { deleteVaultSecret, listVaultKeySecrets } from '../adapters/secrets/sweep-vault-secrets.js';
import { JobIncompleteError, type StepFailure } from '../domain/jobs/job-errors.js';
import type { CapResetDeps } from '../domain/jobs/ports.js';
import { type CapResetResult, runCapReset } from '../domain/jobs/run-cap-reset.js';
import { countCapResetItems, countCapResetRun, metrics } from '../observability/metrics.js';
import { systemNow } from '../shared/clock.js';
import { logger } from '../shared/logger.js';

/** What the schedule sends (lib/constructs/cap-reset-schedule.ts); a manual run may send nothing. */
export interface CapResetEvent {
  readonly scheduledTime?: string;
}

const config = capResetConfig();

const deps: CapResetDeps = {
  spendDays: capResetStore,
  secrets: {
    keySecrets: () => listVaultKeySecrets(config.vaultPrefix),
    agentKeySecretArn,
    deleteSecret: deleteVaultSecret,
  },
  now: systemNow,
  minSecretAgeMs: config.minSecretAgeSeconds * 1000,
};

/** Logs a failed step with its first error: a step that failed on many items fails alike. */
function logFailure({ step, day, error }: StepFailure): void {
  const errors = error instanceof AggregateError ? error.errors : [error];
  logger.error('cap reset step failed', {
    step,
    day,
    failedItems: errors.length,
    error: errors[0] as Error,
  });
}

/** Runs the job, logs and counts what it did, and throws when any step failed. */
async function runAndReport(event: CapResetEvent | null, context: Context) {
  const { result, failures } = await runCapReset(deps, {
    scheduledTime: event?.scheduledTime,
    requestId: context.awsRequestId,
  });

  failures.forEach(logFailure);
  logger.info('cap reset finished', { ...result, failedSteps: failures.length });
  countCapResetItems(result);

  if (failures.length > 0) throw new JobIncompleteError(failures);
  return result;
}

/**
 * The daily job, run by EventBridge Scheduler at 00:00 UTC. Moto never fires
 * schedules, so locally `npm start` runs it on its own timer and
 * `npm run cap-reset` on demand, with the very event the schedule sends.
 * It throws when any step failed, after running the others, so the scheduler
 * retries and finally parks the run in its dead-letter queue.
 */
export const handler = middy<CapResetEvent | null, CapResetResult, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { throwOnEmptyMetrics: false }))
  .handler(async (event, context) => {
    try {
      const result = await runAndReport(event, context);
      countCapResetRun({ failed: false });
      return result;
    } catch (error) {
      countCapResetRun({ failed: true });
      throw error;
    }
  });
