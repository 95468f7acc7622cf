import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric, type MetricOptions, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import {
  AWS_SERVICE,
  type AwsServiceName,
  DIMENSION,
  type KeyValidationOutcome,
  METRIC,
  METRICS_NAMESPACE,
  type MetricName,
  SERVICE_NAME,
} from '../../functions/observability/metric-names.js';

const FIVE_MINUTES = Duration.minutes(5);

/** The operations the functions call on the tables (see functions/adapters/dynamodb). */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.QUERY,
  Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * The functions' custom metrics (functions/observability/metric-names.ts) as
 * CloudWatch metrics of one stage. A metric is found by its exact dimension
 * set, so each method names the dimensions the functions write, no more.
 */
export class CustomMetrics {
  constructor(private readonly stage: string) {}

  /** Sum over 5 minutes unless `options` says otherwise. */
  metric(name: MetricName, dimensions: Record<string, string> = {}, options: MetricOptions = {}) {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: name,
      dimensionsMap: {
        [DIMENSION.service]: SERVICE_NAME,
        [DIMENSION.stage]: this.stage,
        ...dimensions,
      },
      statistic: Stats.SUM,
      period: FIVE_MINUTES,
      ...options,
    });
  }

  requests(route: string, options?: MetricOptions) {
    return this.metric(METRIC.requests, { [DIMENSION.route]: route }, options);
  }

  clientErrors(route: string, options?: MetricOptions) {
    return this.metric(METRIC.clientErrors, { [DIMENSION.route]: route }, options);
  }

  serverErrors(route: string, options?: MetricOptions) {
    return this.metric(METRIC.serverErrors, { [DIMENSION.route]: route }, options);
  }

  spendMicroCents(source: string, options?: MetricOptions) {
    return this.metric(METRIC.spendMicroCents, { [DIMENSION.source]: source }, options);
  }

  capRefusals(source: string, options?: MetricOptions) {
    return this.metric(METRIC.capRefusals, { [DIMENSION.source]: source }, options);
  }

  keyValidations(outcome: KeyValidationOutcome, options?: MetricOptions) {
    return this.metric(METRIC.keyValidations, { [DIMENSION.outcome]: outcome }, options);
  }

  capResetItems(item: string, options?: MetricOptions) {
    return this.metric(METRIC.capResetItems, { [DIMENSION.item]: item }, options);
  }

  awsThrottles(awsService: AwsServiceName, options?: MetricOptions) {
    return this.metric(METRIC.awsThrottles, { [DIMENSION.awsService]: awsService }, options);
  }

  /** Every model's AgentCalls of one source: models are open-ended, so found by search. */
  agentCallsByModel(source: string, period: Duration) {
    const search =
      `{${METRICS_NAMESPACE},${DIMENSION.model},${DIMENSION.service},${DIMENSION.source},` +
      `${DIMENSION.stage}} MetricName="${METRIC.agentCalls}" ${DIMENSION.stage}="${this.stage}" ` +
      `${DIMENSION.source}="${source}"`;
    return new MathExpression({
      expression: `SEARCH('${search}', 'Sum', ${period.toSeconds()})`,
      usingMetrics: {},
      label: `${source}`,
      period,
    });
  }

  /** The AwsThrottles of every service that reported one. */
  allAwsThrottles(): Metric[] {
    return Object.values(AWS_SERVICE).map((service) =>
      this.awsThrottles(service, { label: service }),
    );
  }
}

/**
 * The sum of sparse metrics: a metric with no data point in a period counts
 * as 0 there, instead of leaving the whole sum without a value.
 */
export function sumOfSparse(
  metrics: Readonly<Record<string, Metric>>,
  options: { label: string; period: Duration },
): MathExpression {
  const terms = Object.keys(metrics).map((id) => `FILL(${id}, 0)`);
  return new MathExpression({
    expression: terms.join(' + '),
    usingMetrics: { ...metrics },
    label: options.label,
    period: options.period,
  });
}

/**
 * A table's ThrottledRequests over the operations the functions use, in five
 * minutes, labelled with the table's id (`Agents`). DynamoDB only writes the
 * metric when something was throttled.
 */
export function tableThrottledRequests(table: ITable, tableId: string): MathExpression {
  const byOperation: Record<string, Metric> = {};
  for (const operation of TABLE_OPERATIONS) {
    // Ids are unique per table, so several tables fit in one graph.
    byOperation[`${tableId}_${operation}`.toLowerCase()] = new Metric({
      namespace: 'AWS/DynamoDB',
      metricName: 'ThrottledRequests',
      dimensionsMap: { TableName: table.tableName, Operation: operation },
      statistic: Stats.SUM,
      period: FIVE_MINUTES,
    });
  }
  return sumOfSparse(byOperation, { label: tableId, period: FIVE_MINUTES });
}
