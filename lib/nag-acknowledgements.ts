import { type CfnElement, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { SERVICE_FUNCTION_IDS } from './constructs/service-functions.js';
import type { ServiceStack } from './service-stack.js';
import { acknowledgeWebNagFindings } from './web-nag-acknowledgements.js';

/** A rule of the AwsSolutions pack, as CDK's validation report names it. */
const rule = (id: string) => `AwsSolutions::AwsSolutions-${id}`;

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: rule(id), reason });
}

/**
 * Every cdk-nag finding the stack accepts, each on the narrowest construct
 * and with the reason it is right here. Anything else fails the synth, and
 * the CDK tests assert that no finding is left, error or warning.
 */
export function acknowledgeNagFindings(stack: ServiceStack): void {
  acknowledgeFunctionFindings(stack);
  acknowledgeVaultFindings(stack);
  acknowledgeWebNagFindings(stack.web);

  acknowledge(
    stack.api,
    'APIG4',
    'The functions authenticate every request themselves: a bearer API token looked up by its ' +
      'SHA-256 hash, which also yields the caller role the routes authorise on ' +
      '(functions/auth/authenticate.ts). An API Gateway authorizer would repeat that lookup on ' +
      'every call without adding a check. The $default route only answers 404 or 405.',
  );
  acknowledge(
    stack.capReset.deadLetterQueue,
    'SQS3',
    'This queue is itself the dead-letter queue of the cap-reset schedule and of the ' +
      "function's asynchronous invocations; nothing consumes it, so it needs none of its own.",
  );
  const capResetArn = logicalIdOf(stack, stack.functions.byId['cap-reset'].function);
  acknowledge(
    stack.capReset.schedulerRole,
    `IAM5[Resource::<${capResetArn}.Arn>:*]`,
    "The scheduler's role may invoke the cap-reset function and its versions (`<arn>:*`, as " +
      'Function.grantInvoke grants): that one function and nothing else.',
  );
}

function acknowledgeFunctionFindings(stack: ServiceStack): void {
  for (const functionId of SERVICE_FUNCTION_IDS) {
    const serviceFunction = stack.functions.byId[functionId];
    acknowledge(
      serviceFunction.function,
      'L1',
      'Pinned to nodejs22.x, the runtime the bundle is built for (esbuild target node22) and ' +
        'the tests run against; a newer runtime is a deliberate upgrade with its own test run.',
    );
    acknowledge(
      serviceFunction.role,
      'IAM5[Resource::*]',
      functionId === 'cap-reset'
        ? 'xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) and ' +
            'secretsmanager:ListSecrets (the orphaned-secret sweep) have no resource-level ' +
            'permissions: IAM accepts only "*". Deleting is limited to the vault prefix.'
        : 'xray:PutTraceSegments and xray:PutTelemetryRecords, which Lambda active tracing ' +
            'needs, have no resource-level permissions: IAM accepts only "*".',
    );
  }
}

/** Workspace secrets are made at run time, one per customer key: only a prefix can name them. */
function acknowledgeVaultFindings(stack: ServiceStack): void {
  const vaultPattern =
    'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:' +
    `${stack.vault.vaultPrefix}/*`;
  for (const functionId of ['agents-write', 'gateway', 'cap-reset'] as const) {
    acknowledge(
      stack.functions.byId[functionId].role,
      `IAM5[Resource::${vaultPattern}]`,
      'Workspace secrets are created at run time, one per customer key, under the vault ' +
        'prefix; this pattern is the narrowest ARN that covers them and nothing outside the ' +
        'prefix (bin/context.ts refuses a prefix with "*" or one that holds the hosted key).',
    );
  }
  acknowledge(
    stack.vault.hostedKeySecret,
    'SMG4',
    'The hosted key is issued by Anthropic; no Secrets Manager rotation function can mint one. ' +
      'Operators rotate it by creating a key in the Anthropic console and putting it with ' +
      'put-secret-value; the gateway reads the new value within 5 minutes. Customer keys are ' +
      'not stack resources, and customers rotate them by saving a new key (docs/key-lifecycle.md).',
  );
}

function logicalIdOf(stack: ServiceStack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}
