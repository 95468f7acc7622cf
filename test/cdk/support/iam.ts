import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { ServiceFunctionId } from '../../../lib/constructs/service-functions.js';
import { TABLES } from '../../../lib/definitions/tables.js';
import type { ServiceStack } from '../../../lib/service-stack.js';

/** An IAM statement as it appears in the synthesized template. */
export interface TemplateStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Condition?: Record<string, unknown>;
}

interface PolicyResource {
  readonly Properties: {
    readonly Roles?: unknown[];
    readonly PolicyDocument: { readonly Statement: TemplateStatement[] };
  };
}

/** A statement's actions, always as a list. */
export function actionsOf(statement: TemplateStatement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** Every statement of every IAM policy resource in the template. */
export function allPolicyStatements(template: Template): TemplateStatement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[];
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/**
 * The statements of every policy except those of CDK's own web deployment
 * handler, whose role aws-cdk-lib defines (and cdk-nag's acknowledgements
 * explain); every other policy is this project's to keep tight.
 */
export function ownPolicyStatements(synthesized: {
  stack: ServiceStack;
  template: Template;
}): TemplateStatement[] {
  const { stack, template } = synthesized;
  const cdkRoles = stack.web.deployments.map((deployment) =>
    stack.getLogicalId(deployment.handlerRole.node.defaultChild as CfnElement),
  );
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[];
  const own = policies.filter(
    (policy) =>
      !policy.Properties.Roles?.some((role) =>
        cdkRoles.includes((role as { Ref?: string }).Ref ?? ''),
      ),
  );
  return own.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/** The statements of the policies attached to one function's role. */
export function statementsOf(
  synthesized: { stack: ServiceStack; template: Template },
  functionId: ServiceFunctionId,
): TemplateStatement[] {
  const { stack, template } = synthesized;
  const role = stack.functions.byId[functionId].role;
  const roleRef = { Ref: stack.getLogicalId(role.node.defaultChild as CfnElement) };

  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[];
  const attached = policies.filter((policy) =>
    (policy.Properties.Roles ?? []).some((ref) => JSON.stringify(ref) === JSON.stringify(roleRef)),
  );
  return attached.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/** The sorted, de-duplicated actions a function's role allows. */
export function actionSetOf(
  synthesized: { stack: ServiceStack; template: Template },
  functionId: ServiceFunctionId,
): string[] {
  const statements = statementsOf(synthesized, functionId).filter((s) => s.Effect === 'Allow');
  return [...new Set(statements.flatMap(actionsOf))].sort();
}

/** Whether a statement's resources mention a logical id (e.g. the audit table's). */
export function mentions(statement: TemplateStatement, logicalId: string): boolean {
  return JSON.stringify(statement.Resource ?? null).includes(`"${logicalId}"`);
}

/**
 * The DynamoDB actions a function has, per table or index, keyed like
 * `Counters` or `Counters/index/byActiveDay`.
 */
export function tableAccessOf(
  synthesized: { stack: ServiceStack; template: Template },
  functionId: ServiceFunctionId,
): Record<string, string[]> {
  const access: Record<string, Set<string>> = {};
  const statements = statementsOf(synthesized, functionId).filter((s) => s.Effect === 'Allow');

  for (const statement of statements) {
    const actions = actionsOf(statement).filter((action) => action.startsWith('dynamodb:'));
    for (const resource of actions.length > 0 ? [statement.Resource].flat() : []) {
      const target = tableTargetOf(synthesized.stack, resource);
      access[target] = new Set([...(access[target] ?? []), ...actions]);
    }
  }
  return Object.fromEntries(Object.entries(access).map(([key, set]) => [key, [...set].sort()]));
}

function tableTargetOf(stack: ServiceStack, resource: unknown): string {
  const text = JSON.stringify(resource);
  const table = TABLES.find((definition) => {
    const logicalId = stack.getLogicalId(
      stack.tables.of(definition).node.defaultChild as CfnElement,
    );
    return text.includes(`"${logicalId}"`);
  });
  const index = /\/index\/([A-Za-z]+)/.exec(text)?.[1];
  const name = table?.id ?? `unknown ${text}`;
  return index ? `${name}/index/${index}` : name;
}
