import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  type Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import {
  AWS_SERVICE,
  FAILED_KEY_VALIDATION_OUTCOMES,
} from '../../functions/observability/metric-names.js';
import { alarmDescription, RUNBOOK_ANCHOR, type RunbookAnchor } from '../definitions/runbook.js';
import { TABLES } from '../definitions/tables.js';
import { CustomMetrics, sumOfSparse, tableThrottledRequests } from './custom-metrics.js';
import type { DataTables } from './data-tables.js';
import type { ServiceApi } from './http-api.js';
import { SERVICE_FUNCTION_IDS, type ServiceFunctions } from './service-functions.js';

const FIVE_MINUTES = Duration.minutes(5);

export interface AlarmThresholds {
  /** Percent of API requests answered 5xx, in 2 of 3 five-minute periods. @default 5 */
  readonly api5xxPercent?: number;
  /** Requests in five minutes below which the 5xx rate is not judged. @default 20 */
  readonly api5xxMinRequests?: number;
  /** Refused or rate-limited key validations in 15 minutes, all workspaces. @default 20 */
  readonly failedKeyValidations?: number;
  /** Throttled requests on one table in five minutes. @default 5 */
  readonly tableThrottledRequests?: number;
}

export interface ServiceAlarmsProps {
  /** Names the alarms and the topic, e.g. `prod-agent-llm-api-5xx`. */
  readonly namePrefix: string;
  /** The `stage` dimension of the custom metrics. */
  readonly stage: string;
  readonly functions: ServiceFunctions;
  readonly api: ServiceApi;
  readonly tables: DataTables;
  /** The cap-reset schedule's own alarm, which gets the same actions as the others. */
  readonly capResetDeadLetterAlarm: Alarm;
  /**
   * Subscribers of the alarm topic. Empty means no topic and no alarm
   * actions (dev): the alarms still show their state in the console.
   */
  readonly alarmEmails: readonly string[];
  readonly thresholds?: AlarmThresholds;
}

interface AlarmSpec {
  /** Put after the name prefix: `<prefix>-<name>`. */
  readonly name: string;
  readonly metric: IMetric;
  /** The alarm fires at this value or above. */
  readonly threshold: number;
  /** @default 1 */
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  /** What the alarm means, for whoever receives it. */
  readonly meaning: string;
  readonly anchor: RunbookAnchor;
}

/**
 * Every alarm of the service, each with a description that says what it
 * means and which runbook section to follow. With alarm emails (prod) all
 * of them notify one SNS topic, on ALARM and on OK; without (dev) they have
 * no actions. Missing data never alarms: no traffic is not an incident.
 */
export class ServiceAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic?: Topic;
  private readonly metrics: CustomMetrics;
  private readonly thresholds: AlarmThresholds;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ServiceAlarmsProps,
  ) {
    super(scope, id);

    this.metrics = new CustomMetrics(props.stage);
    this.thresholds = props.thresholds ?? {};
    this.topic = props.alarmEmails.length > 0 ? this.createTopic() : undefined;
    this.alarmOnApiServerErrors();
    this.alarmOnFunctions();
    this.adopt(props.capResetDeadLetterAlarm);
    this.alarmOnFailedKeyValidations();
    this.alarmOnTableThrottling();
    this.alarmOnSecretsThrottling();
  }

  private createTopic(): Topic {
    const topic = new Topic(this, 'AlarmTopic', {
      topicName: `${this.props.namePrefix}-alarms`,
      displayName: `Agent LLM credentials alarms (${this.props.stage})`,
      enforceSSL: true,
    });
    for (const email of this.props.alarmEmails) {
      topic.addSubscription(new EmailSubscription(email));
    }
    return topic;
  }

  /** API Gateway's own counts, so that crashes and timeouts of a function count too. */
  private alarmOnApiServerErrors(): void {
    const { stage } = this.props.api;
    const percent = this.thresholds.api5xxPercent ?? 5;
    const minRequests = this.thresholds.api5xxMinRequests ?? 20;
    const rate = new MathExpression({
      expression: `IF(requests >= ${minRequests}, 100 * FILL(errors, 0) / requests, 0)`,
      usingMetrics: {
        errors: stage.metricServerError({ statistic: Stats.SUM, period: FIVE_MINUTES }),
        requests: stage.metricCount({ statistic: Stats.SUM, period: FIVE_MINUTES }),
      },
      label: 'API 5xx, % of requests',
      period: FIVE_MINUTES,
    });
    this.add('Api5xxRate', {
      name: 'api-5xx',
      metric: rate,
      threshold: percent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      anchor: RUNBOOK_ANCHOR.api5xx,
      meaning:
        `${percent}% or more of API requests answered 5xx in 2 of the last 3 five-minute ` +
        'periods: a function fails or times out, or AWS or Anthropic is unavailable.',
    });
  }

  /** API handlers answer their own errors: a Lambda error is a crash, a timeout or a failed job. */
  private alarmOnFunctions(): void {
    for (const functionId of SERVICE_FUNCTION_IDS) {
      const fn = this.props.functions.byId[functionId].function;
      const id = this.props.functions.byId[functionId].node.id;
      this.add(`${id}Errors`, {
        name: `${functionId}-errors`,
        metric: fn.metricErrors({ period: FIVE_MINUTES }),
        threshold: 1,
        anchor: RUNBOOK_ANCHOR.functionErrors,
        meaning:
          `The ${functionId} function ended an invocation with an error: ` +
          'a crash, a timeout or a failed run.',
      });
      this.add(`${id}Throttles`, {
        name: `${functionId}-throttles`,
        metric: fn.metricThrottles({ period: FIVE_MINUTES }),
        threshold: 1,
        anchor: RUNBOOK_ANCHOR.functionThrottles,
        meaning:
          `Lambda refused invocations of the ${functionId} function: ` +
          'a concurrency limit is reached.',
      });
    }
  }

  /** Someone may be testing stolen Anthropic keys through the API (an oracle attack). */
  private alarmOnFailedKeyValidations(): void {
    const period = Duration.minutes(15);
    const limit = this.thresholds.failedKeyValidations ?? 20;
    const failures: Record<string, Metric> = {};
    for (const outcome of FAILED_KEY_VALIDATION_OUTCOMES) {
      failures[`k_${outcome}`] = this.metrics.keyValidations(outcome, { period });
    }
    this.add('KeyValidationFailures', {
      name: 'key-validation-failures',
      metric: sumOfSparse(failures, { label: 'Failed key validations', period }),
      threshold: limit,
      anchor: RUNBOOK_ANCHOR.keyValidationFailures,
      meaning:
        `${limit} or more key validations were refused by Anthropic or by the rate limit in 15 ` +
        'minutes, across all workspaces: someone may be testing stolen keys through the API.',
    });
  }

  /** Throttles the SDK's retries may or may not have hidden from callers. */
  private alarmOnTableThrottling(): void {
    const limit = this.thresholds.tableThrottledRequests ?? 5;
    for (const definition of TABLES) {
      const table = this.props.tables.of(definition);
      this.add(`${definition.id}TableThrottling`, {
        name: `${definition.id.toLowerCase()}-table-throttling`,
        metric: tableThrottledRequests(table, definition.id),
        threshold: limit,
        anchor: RUNBOOK_ANCHOR.dynamoDbThrottling,
        meaning:
          `DynamoDB throttled ${limit} or more requests on the ${definition.id} table ` +
          'in five minutes.',
      });
    }
  }

  /** Secrets Manager publishes no throttle metric: the functions count their own (AwsThrottles). */
  private alarmOnSecretsThrottling(): void {
    this.add('SecretsThrottling', {
      name: 'secrets-throttling',
      metric: this.metrics.awsThrottles(AWS_SERVICE.secretsManager),
      threshold: 1,
      anchor: RUNBOOK_ANCHOR.secretsThrottling,
      meaning:
        'Secrets Manager throttled a call even after the SDK retries: agent calls or key ' +
        'changes were answered 503 dependency_unavailable.',
    });
  }

  private add(id: string, spec: AlarmSpec): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.props.namePrefix}-${spec.name}`,
      alarmDescription: alarmDescription(spec.meaning, spec.anchor),
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      datapointsToAlarm: spec.datapointsToAlarm,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.adopt(alarm);
    return alarm;
  }

  /** Lists the alarm and, when there is a topic, notifies it on ALARM and on OK. */
  private adopt(alarm: Alarm): void {
    this.alarms.push(alarm);
    if (!this.topic) return;
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
  }
}
