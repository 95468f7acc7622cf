import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  FAILED_KEY_VALIDATION_OUTCOMES,
  METRICS_NAMESPACE,
} from '../../functions/observability/metric-names.js';
import { SERVICE_FUNCTION_IDS } from '../../lib/constructs/service-functions.js';
import { RUNBOOK_ANCHOR } from '../../lib/definitions/runbook.js';
import { NO_BUNDLING, PROD, synthesize } from './support/synth.js';

const prod = synthesize({ ...NO_BUNDLING, ...PROD });
const dev = synthesize({ ...NO_BUNDLING });

interface AlarmProperties {
  readonly AlarmName: string;
  readonly AlarmDescription: string;
  readonly AlarmActions?: unknown[];
  readonly OKActions?: unknown[];
  readonly Metrics?: { Id: string; Expression?: string; MetricStat?: { Metric: unknown } }[];
  readonly [property: string]: unknown;
}

function alarmsOf(synthesized: typeof prod): Record<string, AlarmProperties> {
  const alarms = Object.values(synthesized.template.findResources('AWS::CloudWatch::Alarm'));
  return Object.fromEntries(
    alarms.map(({ Properties }) => [Properties.AlarmName, Properties as AlarmProperties]),
  );
}

const alarms = alarmsOf(prod);
const alarm = (name: string) => alarms[`prod-agent-llm-${name}`] as AlarmProperties;
const logicalId = (element: unknown) => prod.stack.getLogicalId(element as CfnElement);

/** Every alarm, by name without the stage prefix, and the runbook section it links. */
const EXPECTED: Record<string, string> = {
  'api-5xx': RUNBOOK_ANCHOR.api5xx,
  ...Object.fromEntries(
    SERVICE_FUNCTION_IDS.flatMap((id) => [
      [`${id}-errors`, RUNBOOK_ANCHOR.functionErrors],
      [`${id}-throttles`, RUNBOOK_ANCHOR.functionThrottles],
    ]),
  ),
  'cap-reset-dead-letters': RUNBOOK_ANCHOR.capResetDeadLetters,
  'key-validation-failures': RUNBOOK_ANCHOR.keyValidationFailures,
  'agents-table-throttling': RUNBOOK_ANCHOR.dynamoDbThrottling,
  'counters-table-throttling': RUNBOOK_ANCHOR.dynamoDbThrottling,
  'audit-table-throttling': RUNBOOK_ANCHOR.dynamoDbThrottling,
  'secrets-throttling': RUNBOOK_ANCHOR.secretsThrottling,
};

describe('ServiceAlarms', () => {
  it('creates exactly the expected alarms, named with the stage', () => {
    expect(Object.keys(alarms).sort()).toEqual(
      Object.keys(EXPECTED)
        .map((name) => `prod-agent-llm-${name}`)
        .sort(),
    );
  });

  it.each(Object.entries(EXPECTED))(
    'describes %s and links runbook section #%s',
    (name, anchor) => {
      const { AlarmDescription } = alarm(name);

      expect(AlarmDescription).toMatch(
        new RegExp(`^.{40,} Runbook: docs/operations\\.md#${anchor}$`),
      );
    },
  );

  it('uses every runbook anchor', () => {
    expect(new Set(Object.values(EXPECTED))).toEqual(new Set(Object.values(RUNBOOK_ANCHOR)));
  });

  it('notifies the prod topic on ALARM and OK, and never alarms on missing data', () => {
    const topic = { Ref: logicalId(prod.stack.alarms.topic?.node.defaultChild) };

    for (const properties of Object.values(alarms)) {
      expect(properties).toMatchObject({
        AlarmActions: [topic],
        OKActions: [topic],
        TreatMissingData: 'notBreaching',
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('gives dev alarms no actions', () => {
    const devAlarms = Object.values(alarmsOf(dev));

    expect(devAlarms).toHaveLength(Object.keys(EXPECTED).length);
    for (const properties of devAlarms) {
      expect(properties.AlarmActions).toBeUndefined();
      expect(properties.OKActions).toBeUndefined();
    }
  });

  it('judges the API 5xx rate on API Gateway counts, from 20 requests, in 2 of 3 periods', () => {
    const api = logicalId(prod.stack.api.httpApi.node.defaultChild);
    const stageDimensions = [
      { Name: 'ApiId', Value: { Ref: api } },
      { Name: 'Stage', Value: '$default' },
    ];

    expect(alarm('api-5xx')).toMatchObject({
      Threshold: 5,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    });
    expect(alarm('api-5xx').Metrics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Expression: 'IF(requests >= 20, 100 * FILL(errors, 0) / requests, 0)',
        }),
        metricStat('errors', 'AWS/ApiGateway', '5xx', stageDimensions),
        metricStat('requests', 'AWS/ApiGateway', 'Count', stageDimensions),
      ]),
    );
  });

  it.each(SERVICE_FUNCTION_IDS)('alarms on the first error and throttle of %s', (functionId) => {
    const fn = logicalId(prod.stack.functions.byId[functionId].function.node.defaultChild);

    for (const metric of ['Errors', 'Throttles']) {
      expect(alarm(`${functionId}-${metric.toLowerCase()}`)).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: metric,
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
      });
    }
  });

  it('sums every failed key validation outcome over 15 minutes, alarming at 20', () => {
    const failures = alarm('key-validation-failures');
    const outcomes = (failures.Metrics ?? []).flatMap((metric) =>
      metric.MetricStat ? [JSON.stringify(metric.MetricStat.Metric)] : [],
    );

    expect(failures.Threshold).toBe(20);
    expect(outcomes).toHaveLength(FAILED_KEY_VALIDATION_OUTCOMES.length);
    for (const outcome of FAILED_KEY_VALIDATION_OUTCOMES) {
      expect(failures.Metrics).toContainEqual(
        metricStat(
          `k_${outcome}`,
          METRICS_NAMESPACE,
          'KeyValidations',
          [
            { Name: 'outcome', Value: outcome },
            { Name: 'service', Value: 'agent-llm-credentials' },
            { Name: 'stage', Value: 'prod' },
          ],
          900,
        ),
      );
    }
  });

  it.each(['Agents', 'Counters', 'Audit'])(
    'alarms on 5 throttled requests on the %s table',
    (id) => {
      const table = prod.stack.tables.all().find((candidate) => candidate.node.id === id);
      const throttling = alarm(`${id.toLowerCase()}-table-throttling`);

      expect(throttling.Threshold).toBe(5);
      for (const operation of ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'TransactWriteItems']) {
        expect(throttling.Metrics).toContainEqual(
          metricStat(`${id}_${operation}`.toLowerCase(), 'AWS/DynamoDB', 'ThrottledRequests', [
            { Name: 'Operation', Value: operation },
            { Name: 'TableName', Value: { Ref: logicalId(table?.node.defaultChild) } },
          ]),
        );
      }
    },
  );

  it('alarms on the first Secrets Manager throttle the functions counted', () => {
    expect(alarm('secrets-throttling')).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      MetricName: 'AwsThrottles',
      Dimensions: [
        { Name: 'awsService', Value: 'SecretsManager' },
        { Name: 'service', Value: 'agent-llm-credentials' },
        { Name: 'stage', Value: 'prod' },
      ],
      Statistic: 'Sum',
      Threshold: 1,
    });
  });
});

function metricStat(
  id: string,
  namespace: string,
  metricName: string,
  dimensions: unknown[],
  periodSeconds = 300,
) {
  return expect.objectContaining({
    Id: id,
    MetricStat: {
      Metric: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions },
      Period: periodSeconds,
      Stat: 'Sum',
    },
  });
}
