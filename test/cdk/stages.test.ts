import { describe, expect, it } from 'vitest';
import { SERVICE_FUNCTION_IDS } from '../../lib/constructs/service-functions.js';
import {
  NO_BUNDLING,
  PROD,
  type Synthesized,
  serviceFunctionsOf,
  synthesize,
} from './support/synth.js';

const dev = synthesize({ ...NO_BUNDLING });
const prod = synthesize({ ...NO_BUNDLING, ...PROD, alarmEmails: 'a@example.com,b@example.com' });

interface Resource {
  readonly Type: string;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Properties?: Record<string, unknown>;
}

function resourcesOf({ template }: Synthesized, type?: string): Resource[] {
  const all = Object.values(template.toJSON().Resources) as Resource[];
  return type ? all.filter((resource) => resource.Type === type) : all;
}

/** Types whose resources hold data a deleted stack must not take along in prod. */
const DATA_TYPES = ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret'];

/** A resource's tags as a map, whether CloudFormation spells them as a list or a map. */
function tagsOf(resource: Resource): Record<string, unknown> | undefined {
  const tags = resource.Properties?.Tags;
  if (tags === undefined) return undefined;
  if (!Array.isArray(tags)) return tags as Record<string, unknown>;
  return Object.fromEntries(
    tags.map((tag: { Key: string; Value: unknown }) => [tag.Key, tag.Value]),
  );
}

describe('stages', () => {
  it('names the stack after its stage', () => {
    expect(dev.stack.stackName).toBe('AgentLlmCredentials-dev');
    expect(prod.stack.stackName).toBe('AgentLlmCredentials-prod');
  });

  it.each([
    ['dev', dev],
    ['prod', prod],
  ])(
    'names every %s function <stage>-agent-llm-<id>, logging to /aws/lambda/<name>',
    (stage, app) => {
      const names = serviceFunctionsOf(app.template).map((fn) => fn.Properties?.FunctionName);
      const logGroups = resourcesOf(app, 'AWS::Logs::LogGroup').map(
        (group) => group.Properties?.LogGroupName,
      );

      const expected = SERVICE_FUNCTION_IDS.map((id) => `${stage}-agent-llm-${id}`);
      expect(names.sort()).toEqual([...expected].sort());
      expect(logGroups).toEqual(
        expect.arrayContaining(expected.map((name) => `/aws/lambda/${name}`)),
      );
    },
  );

  it.each([
    ['dev', dev],
    ['prod', prod],
  ])('tells every %s function its stage, the stage dimension of its metrics', (stage, app) => {
    for (const fn of serviceFunctionsOf(app.template)) {
      expect(fn.Properties?.Environment).toMatchObject({ Variables: { SERVICE_STAGE: stage } });
    }
  });

  it('names the API, its access logs, the schedule and the dead-letter queue by stage', () => {
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'prod-agent-llm-api' });
    prod.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/apigateway/prod-agent-llm-api-access',
    });
    prod.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'prod-agent-llm-cap-reset',
    });
    prod.template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'prod-agent-llm-cap-reset-dead-letters',
    });
  });

  it('retains tables, KMS keys and the hosted-key secret in prod, and protects the tables', () => {
    const data = DATA_TYPES.flatMap((type) => resourcesOf(prod, type));

    expect(data).toHaveLength(6);
    for (const resource of data) {
      expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    for (const table of resourcesOf(prod, 'AWS::DynamoDB::Table')) {
      expect(table.Properties?.DeletionProtectionEnabled).toBe(true);
    }
  });

  it('deletes tables, KMS keys and the hosted-key secret with a dev stack', () => {
    const data = DATA_TYPES.flatMap((type) => resourcesOf(dev, type));

    expect(data).toHaveLength(6);
    for (const resource of data) expect(resource.DeletionPolicy).toBe('Delete');
    for (const table of resourcesOf(dev, 'AWS::DynamoDB::Table')) {
      expect(table.Properties?.DeletionProtectionEnabled).not.toBe(true);
    }
  });

  it('keeps every log group 30 days in dev and 365 in prod', () => {
    const retention = (app: Synthesized) =>
      new Set(
        resourcesOf(app, 'AWS::Logs::LogGroup').map((group) => group.Properties?.RetentionInDays),
      );

    expect(retention(dev)).toEqual(new Set([30]));
    expect(retention(prod)).toEqual(new Set([365]));
  });

  it('lets logRetentionDays override the stage default', () => {
    const shortProd = synthesize({ ...NO_BUNDLING, ...PROD, logRetentionDays: '90' });

    const retention = resourcesOf(shortProd, 'AWS::Logs::LogGroup').map(
      (group) => group.Properties?.RetentionInDays,
    );

    expect(new Set(retention)).toEqual(new Set([90]));
  });

  it.each([
    ['dev', dev],
    ['prod', prod],
  ])('tags every taggable %s resource with app and stage', (stage, app) => {
    const tagged = resourcesOf(app).filter((resource) => tagsOf(resource) !== undefined);
    const types = new Set(tagged.map((resource) => resource.Type));

    for (const resource of tagged) {
      expect(tagsOf(resource)).toMatchObject({ app: 'agent-llm-credentials', stage });
    }
    for (const type of [
      ...DATA_TYPES,
      'AWS::Lambda::Function',
      'AWS::IAM::Role',
      'AWS::SQS::Queue',
    ]) {
      expect(types).toContain(type);
    }
    expect(types).toContain('AWS::ApiGatewayV2::Api');
  });

  it('sends prod alarms to a topic with one email subscription per address', () => {
    prod.template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'prod-agent-llm-alarms' });
    const emails = resourcesOf(prod, 'AWS::SNS::Subscription').map((subscription) => [
      subscription.Properties?.Protocol,
      subscription.Properties?.Endpoint,
    ]);

    expect(emails).toEqual([
      ['email', 'a@example.com'],
      ['email', 'b@example.com'],
    ]);
  });

  it('has no topic in dev', () => {
    dev.template.resourceCountIs('AWS::SNS::Topic', 0);
  });

  it('outputs what an operator looks up in both stages, and the alarm topic in prod', () => {
    const outputs = (app: Synthesized) => Object.keys(app.template.toJSON().Outputs).sort();
    const common = [
      'AgentsTableName',
      'ApiUrl',
      'AuditTableName',
      'CapResetDeadLetterQueueUrl',
      'CountersTableName',
      'DashboardUrl',
      'FingerprintKeyArn',
      'HostedKeySecretName',
      'VaultPrefix',
      'WebUrl',
    ];

    expect(outputs(dev)).toEqual(common);
    expect(outputs(prod)).toEqual([...common, 'AlarmTopicArn'].sort());
    prod.template.hasOutput('HostedKeySecretName', {
      Value: 'prod/platform/anthropic/hosted-api-key',
    });
    prod.template.hasOutput('VaultPrefix', { Value: 'prod/workspace-vault' });
  });
});
