import { Aws, Duration } from 'aws-cdk-lib';
import {
  type Alarm,
  AlarmStatusWidget,
  AlarmStatusWidgetSortBy,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  MathExpression,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ROUTES } from '../../functions/http/routes.js';
import {
  CAP_RESET_ITEM,
  CREDENTIAL_SOURCES,
  DEFAULT_ROUTE,
  KEY_VALIDATION_OUTCOME,
  METRIC,
} from '../../functions/observability/metric-names.js';
import { TABLES } from '../definitions/tables.js';
import { CustomMetrics, tableThrottledRequests } from './custom-metrics.js';
import type { DataTables } from './data-tables.js';
import type { ServiceApi } from './http-api.js';
import { SERVICE_FUNCTION_IDS, type ServiceFunctions } from './service-functions.js';

const FIVE_MINUTES = Duration.minutes(5);
const HOUR = Duration.hours(1);
const DAY = Duration.days(1);
/** Micro-cents in a US dollar: 100 cents of 1,000,000 micro-cents. */
const MICRO_CENTS_PER_USD = 100_000_000;
const ROUTE_KEYS = [...ROUTES.map((route) => `${route.method} ${route.path}`), DEFAULT_ROUTE];

export interface OperationsDashboardProps {
  /** Names the dashboard, e.g. `prod-agent-llm`. */
  readonly namePrefix: string;
  /** The `stage` dimension of the custom metrics. */
  readonly stage: string;
  readonly functions: ServiceFunctions;
  readonly api: ServiceApi;
  readonly tables: DataTables;
  readonly deadLetterQueue: IQueue;
  /** Shown first, with their state. */
  readonly alarms: readonly Alarm[];
}

/**
 * The one CloudWatch dashboard an operator opens: alarm states, then four
 * rows. Health: API requests, errors and p99 latency per route, function
 * errors and throttles, AWS throttling. Money: spend per day, calls and cap
 * refusals. Keys: validations by outcome, keys refused during calls. Jobs:
 * cap-reset runs, what they did, and the dead-letter queue.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;
  private readonly metrics: CustomMetrics;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OperationsDashboardProps,
  ) {
    super(scope, id);

    this.metrics = new CustomMetrics(props.stage);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.namePrefix,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(...this.alarmRow());
    this.dashboard.addWidgets(heading('Health'), ...this.healthWidgets());
    this.dashboard.addWidgets(heading('Money'), ...this.moneyWidgets());
    this.dashboard.addWidgets(heading('Keys'), ...this.keyWidgets());
    this.dashboard.addWidgets(heading('Jobs'), ...this.jobWidgets());
  }

  /** The dashboard in the CloudWatch console of the stack's region. */
  get url(): string {
    return (
      `https://${Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}` +
      `#dashboards:name=${this.props.namePrefix}`
    );
  }

  private alarmRow(): IWidget[] {
    return [
      new AlarmStatusWidget({
        title: `Alarms (${this.props.stage}); each description names its runbook section`,
        alarms: [...this.props.alarms],
        sortBy: AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
        width: 24,
        height: 4,
      }),
    ];
  }

  private healthWidgets(): IWidget[] {
    const { stage, httpApi } = this.props.api;
    const functions = SERVICE_FUNCTION_IDS.map((functionId) => ({
      functionId,
      fn: this.props.functions.byId[functionId].function,
    }));
    return [
      graph('API requests and errors (API Gateway)', [
        stage.metricCount({ statistic: Stats.SUM, label: 'requests' }),
        stage.metricClientError({ statistic: Stats.SUM, label: '4xx' }),
        stage.metricServerError({ statistic: Stats.SUM, label: '5xx' }),
      ]),
      graph('API latency p99 by route (API Gateway)', [routeSearch(httpApi.apiId, 'Latency')]),
      graph(
        '5xx by route (functions)',
        ROUTE_KEYS.map((route) => this.metrics.serverErrors(route, { label: route })),
      ),
      graph(
        '4xx by route (functions)',
        ROUTE_KEYS.map((route) => this.metrics.clientErrors(route, { label: route })),
      ),
      graph(
        'Function errors',
        functions.map(({ functionId, fn }) => fn.metricErrors({ label: functionId })),
      ),
      graph(
        'Function throttles',
        functions.map(({ functionId, fn }) => fn.metricThrottles({ label: functionId })),
      ),
      graph('DynamoDB throttled requests by table', this.tableThrottles()),
      graph('AWS calls throttled after retries (AwsThrottles)', this.metrics.allAwsThrottles()),
    ];
  }

  private moneyWidgets(): IWidget[] {
    const spendUsd = CREDENTIAL_SOURCES.map(
      (source) =>
        new MathExpression({
          expression: `${source}_spend / ${MICRO_CENTS_PER_USD}`,
          usingMetrics: {
            [`${source}_spend`]: this.metrics.spendMicroCents(source, { period: DAY }),
          },
          label: `${source} (USD)`,
          period: DAY,
        }),
    );
    return [
      graph('Spend per day, USD (SpendMicroCents)', spendUsd, { stacked: true }),
      graph(
        'Agent calls per hour by source and model',
        CREDENTIAL_SOURCES.map((source) => this.metrics.agentCallsByModel(source, HOUR)),
      ),
      graph(
        'Cap refusals per hour (429 daily_spend_cap_reached)',
        CREDENTIAL_SOURCES.map((source) =>
          this.metrics.capRefusals(source, { period: HOUR, label: source }),
        ),
      ),
    ];
  }

  private keyWidgets(): IWidget[] {
    return [
      graph(
        'Key validations by outcome, per 15 minutes',
        Object.values(KEY_VALIDATION_OUTCOME).map((outcome) =>
          this.metrics.keyValidations(outcome, { period: Duration.minutes(15), label: outcome }),
        ),
        { stacked: true },
      ),
      graph('BYO keys refused by Anthropic during agent calls', [
        this.metrics.metric(METRIC.byoKeysRejected, {}, { period: HOUR, label: 'rejected' }),
      ]),
    ];
  }

  private jobWidgets(): IWidget[] {
    const perDay = { period: DAY };
    return [
      graph('Cap-reset runs per day', [
        this.metrics.metric(METRIC.capResetRuns, {}, { ...perDay, label: 'runs' }),
        this.metrics.metric(METRIC.capResetFailedRuns, {}, { ...perDay, label: 'failed runs' }),
      ]),
      graph(
        'Cap-reset items processed per day',
        Object.values(CAP_RESET_ITEM).map((item) =>
          this.metrics.capResetItems(item, { ...perDay, label: item }),
        ),
      ),
      graph('Cap-reset dead-letter queue depth', [
        this.props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          statistic: Stats.MAXIMUM,
          period: FIVE_MINUTES,
          label: 'messages',
        }),
      ]),
    ];
  }

  private tableThrottles(): IMetric[] {
    return TABLES.map((definition) =>
      tableThrottledRequests(this.props.tables.of(definition), definition.id),
    );
  }
}

function heading(title: string): TextWidget {
  return new TextWidget({ markdown: `## ${title}`, width: 24, height: 1 });
}

function graph(title: string, metrics: IMetric[], options: { stacked?: boolean } = {}) {
  return new GraphWidget({ title, left: metrics, width: 8, height: 6, ...options });
}

/**
 * One line per route from API Gateway's detailed metrics. Found by search,
 * which needs no knowledge of how API Gateway spells the route dimensions.
 */
function routeSearch(apiId: string, metricName: string): MathExpression {
  const search =
    `{AWS/ApiGateway,ApiId,Method,Resource,Stage} MetricName="${metricName}" ` + `ApiId="${apiId}"`;
  return new MathExpression({
    expression: `SEARCH('${search}', 'p99', 300)`,
    usingMetrics: {},
    label: '',
    period: FIVE_MINUTES,
  });
}
