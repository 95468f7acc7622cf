import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.js';
import {
  CAP_RESET_ITEM,
  KEY_VALIDATION_OUTCOME,
} from '../../functions/observability/metric-names.js';
import { SERVICE_FUNCTION_IDS } from '../../lib/constructs/service-functions.js';
import { NO_BUNDLING, PROD, synthesize } from './support/synth.js';

const { template } = synthesize({ ...NO_BUNDLING, ...PROD });

interface Widget {
  readonly type: string;
  readonly properties: {
    readonly title?: string;
    readonly markdown?: string;
    readonly metrics?: unknown[][];
    readonly alarms?: unknown[];
  };
}

/** The dashboard body with every CloudFormation reference written as `<Ref:LogicalId>`. */
function dashboardWidgets(): Widget[] {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const parts: unknown[] = dashboard?.Properties.DashboardBody['Fn::Join'][1];
  const body = parts.map((part) => (typeof part === 'string' ? part : placeholder(part))).join('');
  return JSON.parse(body).widgets;
}

function placeholder(part: unknown): string {
  const ref = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
  return ref.Ref ? `<Ref:${ref.Ref}>` : `<GetAtt:${ref['Fn::GetAtt']?.join('.')}>`;
}

const widgets = dashboardWidgets();
const widget = (title: string) => widgets.find((candidate) => candidate.properties.title === title);
/** A widget's metrics as text, one line each, to match against. */
const metricsOf = (title: string) =>
  (widget(title)?.properties.metrics ?? []).map((metric) => JSON.stringify(metric));
const serviceDimensions = '"service","agent-llm-credentials","stage","prod"';

describe('OperationsDashboard', () => {
  it('is named after the stage and linked from the outputs', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'prod-agent-llm',
    });
    const url = JSON.stringify(template.toJSON().Outputs.DashboardUrl.Value);

    expect(url).toContain('#dashboards:name=prod-agent-llm');
  });

  it('opens with the state of every alarm, then the four sections in order', () => {
    const alarmCount = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length;
    const headings = widgets.flatMap((candidate) =>
      candidate.type === 'text' ? [candidate.properties.markdown] : [],
    );

    expect(widgets[0]?.type).toBe('alarm');
    expect(widgets[0]?.properties.alarms).toHaveLength(alarmCount);
    expect(headings).toEqual(['## Health', '## Money', '## Keys', '## Jobs']);
  });

  it('shows API Gateway requests, 4xx and 5xx, and p99 latency per route', () => {
    const requests = metricsOf('API requests and errors (API Gateway)');
    const latency = metricsOf('API latency p99 by route (API Gateway)');

    for (const name of ['Count', '4xx', '5xx']) {
      expect(requests.some((line) => line.includes(`"AWS/ApiGateway","${name}","ApiId"`))).toBe(
        true,
      );
    }
    expect(latency).toHaveLength(1);
    expect(latency[0]).toContain('{AWS/ApiGateway,ApiId,Method,Resource,Stage}');
    expect(latency[0]).toContain(`'p99', 300`);
  });

  it('shows the functions 4xx and 5xx for every route and the $default route', () => {
    const routes = [...ROUTES.map((route) => `${route.method} ${route.path}`), '$default'];

    for (const [title, metric] of [
      ['5xx by route (functions)', 'ServerErrors'],
      ['4xx by route (functions)', 'ClientErrors'],
    ]) {
      const lines = metricsOf(title as string);
      expect(lines).toHaveLength(routes.length);
      for (const route of routes) {
        expect(lines).toContainEqual(
          expect.stringContaining(`"${metric}","route","${route}",${serviceDimensions}`),
        );
      }
    }
  });

  it('shows errors and throttles of every function, and throttling of tables and AWS calls', () => {
    expect(metricsOf('Function errors')).toHaveLength(SERVICE_FUNCTION_IDS.length);
    expect(metricsOf('Function throttles')).toHaveLength(SERVICE_FUNCTION_IDS.length);
    expect(metricsOf('DynamoDB throttled requests by table').join()).toContain('ThrottledRequests');
    expect(metricsOf('AWS calls throttled after retries (AwsThrottles)')).toContainEqual(
      expect.stringContaining(`"AwsThrottles","awsService","SecretsManager",${serviceDimensions}`),
    );
  });

  it('shows spend per day in dollars for hosted and BYO, calls by model and cap refusals', () => {
    const spend = metricsOf('Spend per day, USD (SpendMicroCents)').join('\n');
    const calls = metricsOf('Agent calls per hour by source and model').join('\n');
    const refusals = metricsOf('Cap refusals per hour (429 daily_spend_cap_reached)').join('\n');

    for (const source of ['hosted', 'byo']) {
      expect(spend).toContain(`"expression":"${source}_spend / 100000000","period":86400`);
      expect(spend).toContain(
        `"SpendMicroCents","service","agent-llm-credentials","source","${source}","stage","prod"`,
      );
      expect(calls).toContain(
        `MetricName=\\"AgentCalls\\" stage=\\"prod\\" source=\\"${source}\\"`,
      );
      expect(refusals).toContain(
        `"CapRefusals","service","agent-llm-credentials","source","${source}"`,
      );
    }
  });

  it('shows key validations by every outcome and keys refused during calls', () => {
    const validations = metricsOf('Key validations by outcome, per 15 minutes').join('\n');

    for (const outcome of Object.values(KEY_VALIDATION_OUTCOME)) {
      expect(validations).toContain(`"KeyValidations","outcome","${outcome}",${serviceDimensions}`);
    }
    expect(metricsOf('BYO keys refused by Anthropic during agent calls').join()).toContain(
      `"ByoKeysRejected",${serviceDimensions}`,
    );
  });

  it('shows cap-reset runs, items processed per day and the dead-letter queue depth', () => {
    const runs = metricsOf('Cap-reset runs per day').join('\n');
    const items = metricsOf('Cap-reset items processed per day').join('\n');
    const queue = metricsOf('Cap-reset dead-letter queue depth').join('\n');

    expect(runs).toContain(`"CapResetRuns",${serviceDimensions}`);
    expect(runs).toContain(`"CapResetFailedRuns",${serviceDimensions}`);
    for (const item of Object.values(CAP_RESET_ITEM)) {
      expect(items).toContain(`"CapResetItems","item","${item}",${serviceDimensions}`);
    }
    expect(queue).toContain('"AWS/SQS","ApproximateNumberOfMessagesVisible","QueueName"');
  });
});
