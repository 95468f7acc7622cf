import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from '../shared/logger.js';
import {
  type AwsServiceName,
  CAP_RESET_ITEM,
  type CredentialSourceName,
  DIMENSION,
  type KeyValidationOutcome,
  LOCAL_STAGE,
  METRIC,
  METRICS_NAMESPACE,
  type MetricName,
  SERVICE_NAME,
  STAGE_ENV_VAR,
} from './metric-names.js';

/**
 * The function's one Powertools Metrics instance. Metrics are written as
 * CloudWatch embedded metric format (EMF) lines on stdout, which Lambda's log
 * delivery turns into metrics: no API call, no permission. Handlers flush it
 * with the `logMetrics` middleware. Only counts and amounts are recorded,
 * never ids or key material, so the EMF lines are safe in any log.
 */
export const metrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
  defaultDimensions: { [DIMENSION.stage]: process.env[STAGE_ENV_VAR] || LOCAL_STAGE },
  logger,
});

type Dimensions = Readonly<Record<string, string>>;
type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

/**
 * Writes one metric at once, in its own EMF line, with its own dimensions
 * besides `service` and `stage`. The shared instance cannot carry them: a
 * dimension added to it applies to every metric of the flush. A metric that
 * cannot be written is logged and dropped; it never fails a request.
 */
function emitNow(
  name: MetricName,
  value: number,
  dimensions: Dimensions = {},
  unit: Unit = MetricUnit.Count,
): void {
  try {
    const single = metrics.singleMetric();
    for (const [dimension, dimensionValue] of Object.entries(dimensions)) {
      single.addDimension(dimension, dimensionValue);
    }
    single.addMetric(name, unit, value);
  } catch (error) {
    logger.warn('metric not emitted', { metric: name, error: error as Error });
  }
}

/** One settled agent call and what it cost. `modelKey` is the price table's key, a short list. */
export function countAgentCall(call: {
  source: CredentialSourceName;
  modelKey: string;
  microCents: number;
}): void {
  emitNow(METRIC.agentCalls, 1, {
    [DIMENSION.source]: call.source,
    [DIMENSION.model]: call.modelKey,
  });
  emitNow(
    METRIC.spendMicroCents,
    call.microCents,
    { [DIMENSION.source]: call.source },
    MetricUnit.NoUnit,
  );
}

export function countCapRefusal(source: CredentialSourceName): void {
  emitNow(METRIC.capRefusals, 1, { [DIMENSION.source]: source });
}

export function countKeyValidation(outcome: KeyValidationOutcome): void {
  emitNow(METRIC.keyValidations, 1, { [DIMENSION.outcome]: outcome });
}

export function countByoKeyRejected(): void {
  emitNow(METRIC.byoKeysRejected, 1);
}

export function countAwsThrottle(awsService: AwsServiceName): void {
  emitNow(METRIC.awsThrottles, 1, { [DIMENSION.awsService]: awsService });
}

/** What one cap-reset run did, per kind of item; other fields of `counts` are ignored. */
export function countCapResetItems(counts: Record<keyof typeof CAP_RESET_ITEM, number>): void {
  for (const item of Object.values(CAP_RESET_ITEM)) {
    emitNow(METRIC.capResetItems, counts[item], { [DIMENSION.item]: item });
  }
}

/**
 * One cap-reset run. Buffered on the shared instance, with no dimension of
 * its own, so the handler's flush always has something to publish.
 */
export function countCapResetRun({ failed }: { failed: boolean }): void {
  metrics.addMetric(METRIC.capResetRuns, MetricUnit.Count, 1);
  metrics.addMetric(METRIC.capResetFailedRuns, MetricUnit.Count, failed ? 1 : 0);
}
