import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  SERVICE_FUNCTION_IDS,
  type ServiceFunctionId,
} from '../../lib/constructs/service-functions.js';
import { AUDIT_TABLE } from '../../lib/definitions/tables.js';
import {
  actionSetOf,
  actionsOf,
  allPolicyStatements,
  mentions,
  ownPolicyStatements,
  statementsOf,
  type TemplateStatement,
} from './support/iam.js';
import { synthesize } from './support/synth.js';

const synthesized = synthesize();
const { stack, template } = synthesized;

/** What every function's role has: writing its own logs and X-Ray traces. */
const BASELINE = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
];

const EXPECTED_ACTIONS: Record<ServiceFunctionId, string[]> = {
  'agents-read': ['dynamodb:GetItem', 'dynamodb:Query'],
  'agents-write': [
    'dynamodb:ConditionCheckItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
    'kms:Decrypt',
    'kms:GenerateDataKey',
    'kms:GenerateMac',
    'secretsmanager:CreateSecret',
    'secretsmanager:DeleteSecret',
    'secretsmanager:DescribeSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:TagResource',
    'secretsmanager:UpdateSecretVersionStage',
  ],
  gateway: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'kms:Decrypt',
    'secretsmanager:GetSecretValue',
  ],
  'cap-reset': [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
    'secretsmanager:DeleteSecret',
    'secretsmanager:ListSecrets',
    // A failed run is sent to the schedule's dead-letter queue.
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
    'sqs:SendMessage',
  ],
  fallback: [],
};

const auditTableId = stack.getLogicalId(
  stack.tables.of(AUDIT_TABLE).node.defaultChild as CfnElement,
);

function statementsWith(functionId: ServiceFunctionId, action: string): TemplateStatement[] {
  return statementsOf(synthesized, functionId).filter((s) => actionsOf(s).includes(action));
}

describe('function access', () => {
  it.each(SERVICE_FUNCTION_IDS)('grants %s exactly its stated actions', (functionId) => {
    const actions = actionSetOf(synthesized, functionId);

    expect(actions).toEqual([...BASELINE, ...EXPECTED_ACTIONS[functionId]].sort());
  });

  it('lets only the gateway read a secret value', () => {
    const readers = SERVICE_FUNCTION_IDS.filter(
      (functionId) => statementsWith(functionId, 'secretsmanager:GetSecretValue').length > 0,
    );

    expect(readers).toEqual(['gateway']);
  });

  it('lets the writer store keys but never read them back', () => {
    const actions = actionSetOf(synthesized, 'agents-write');

    expect(actions).toContain('secretsmanager:PutSecretValue');
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
    expect(actions).not.toContain('secretsmanager:BatchGetSecretValue');
  });

  it('scopes secret access to the vault prefix and the hosted-key secret', () => {
    const vaultPattern = stack.resolve(stack.vault.vaultSecretsArnPattern);
    const hostedSecret = stack.resolve(stack.vault.hostedKeySecretArn);
    const secretStatements = allPolicyStatements(template).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('secretsmanager:')),
    );

    for (const statement of secretStatements) {
      const resources = [statement.Resource].flat();
      const allowed = actionsOf(statement).includes('secretsmanager:ListSecrets')
        ? ['*']
        : [vaultPattern, hostedSecret];
      expect(allowed).toEqual(expect.arrayContaining(resources));
    }
  });

  it('uses the vault key only through Secrets Manager', () => {
    const vaultKeyArn = JSON.stringify(stack.resolve(stack.vault.vaultKey.keyArn));
    const onVaultKey = allPolicyStatements(template).filter(
      (statement) => JSON.stringify(statement.Resource) === vaultKeyArn,
    );

    expect(onVaultKey.length).toBeGreaterThan(0);
    for (const statement of onVaultKey) {
      expect(statement.Condition).toEqual({
        StringEquals: {
          'kms:ViaService': {
            'Fn::Join': [
              '',
              ['secretsmanager.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }],
            ],
          },
        },
      });
    }
  });

  it('never lets a function change or delete an audit event', () => {
    const forbidden = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    const onAudit = allPolicyStatements(template).filter((s) => mentions(s, auditTableId));

    const actions = onAudit.flatMap(actionsOf);

    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => forbidden.includes(action))).toEqual([]);
  });

  it('has no all-actions or all-DynamoDB statement anywhere in the template', () => {
    const statements = [...allPolicyStatements(template), ...resourcePolicyStatements()];

    const actions = statements.flatMap(actionsOf);

    expect(actions).not.toContain('*');
    expect(actions).not.toContain('dynamodb:*');
  });

  it('names every action of every IAM policy without wildcards', () => {
    const actions = ownPolicyStatements(synthesized).flatMap(actionsOf);

    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('gives function roles no managed or inline policies besides their own', () => {
    for (const functionId of SERVICE_FUNCTION_IDS) {
      const role = stack.functions.byId[functionId].role.node.defaultChild as CfnElement;

      const properties = template.toJSON().Resources[stack.getLogicalId(role)].Properties;

      expect(properties.ManagedPolicyArns).toBeUndefined();
      expect(properties.Policies).toBeUndefined();
    }
  });
});

/** Statements of KMS key policies and SQS queue policies. */
function resourcePolicyStatements(): TemplateStatement[] {
  const keys = Object.values(template.findResources('AWS::KMS::Key'));
  const queues = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
  return [
    ...keys.flatMap((key) => key.Properties.KeyPolicy.Statement),
    ...queues.flatMap((queue) => queue.Properties.PolicyDocument.Statement),
  ];
}
