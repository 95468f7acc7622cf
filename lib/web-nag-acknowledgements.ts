import { Stack, Validations } from 'aws-cdk-lib';
import type { IRole, Policy } from 'aws-cdk-lib/aws-iam';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { WebDistribution } from './constructs/web-distribution.js';

const nagRule = (id: string) => `AwsSolutions::AwsSolutions-${id}`;

/**
 * The cdk-nag findings the web distribution accepts, each on the construct
 * concerned and with its reason. For the stack's `acknowledgeNagFindings`.
 */
export function acknowledgeWebNagFindings(web: WebDistribution): void {
  const acknowledge = (scope: Construct, id: string, reason: string) =>
    Validations.of(scope).acknowledge({ id: nagRule(id), reason });

  acknowledge(
    web.distribution,
    'CFR1',
    'The agent settings page serves customers wherever they are; the API behind /api/* ' +
      'authenticates every request with a bearer token, so a geographic block adds no control.',
  );
  acknowledge(
    web.distribution,
    'CFR2',
    'The distribution serves a static page and forwards /api/* to the HTTP API, whose stage is ' +
      'throttled and whose key validations are rate-limited per workspace; a WAF web ACL is a ' +
      'cost decision left to the deployment.',
  );
  if (!web.hasCustomDomain) {
    acknowledge(
      web.distribution,
      'CFR4',
      'Without a custom domain the distribution uses the default *.cloudfront.net certificate, ' +
        'whose security policy CloudFront fixes; pass customDomain to hold viewers to TLS 1.2.',
    );
  }
  for (const deployment of web.deployments) acknowledgeDeploymentFindings(deployment, acknowledge);
}

/** BucketDeployment's own Lambda function and role, which CDK defines, not this construct. */
function acknowledgeDeploymentFindings(
  deployment: BucketDeployment,
  acknowledge: (scope: Construct, id: string, reason: string) => void,
): void {
  const role = deployment.handlerRole;
  const why =
    "CDK's BucketDeployment handler copies the built app from the CDK asset bucket into the " +
    'web bucket and invalidates the distribution; aws-cdk-lib defines its role and runtime.';
  acknowledge(role, `IAM4[Policy::${LAMBDA_BASIC_EXECUTION}]`, why);
  for (const finding of wildcardFindings(role)) {
    acknowledge(
      role,
      `IAM5[${finding}]`,
      `${why} Wildcards are those of grantRead and grantReadWrite on those two buckets; ` +
        'CloudFront invalidation is granted on "*" because IAM offers nothing narrower.',
    );
  }
  acknowledge(role.node.scope as Construct, 'L1', `${why} Its runtime moves with aws-cdk-lib.`);
}

const LAMBDA_BASIC_EXECUTION =
  'arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/**
 * The IAM5 findings of a role's default policy, named as cdk-nag names them:
 * `Action::s3:List*`, `Resource::<Bucket.Arn>/*`. Read from the policy
 * itself, because the asset bucket's name depends on the stack's synthesizer.
 */
function wildcardFindings(role: IRole): string[] {
  const policy = role.node.tryFindChild('DefaultPolicy') as Policy | undefined;
  if (!policy) return [];
  const document = Stack.of(role).resolve(policy.document.toJSON()) as {
    Statement: { Action: string | string[]; Resource: unknown }[];
  };

  const findings = new Set<string>();
  for (const statement of document.Statement) {
    for (const action of [statement.Action].flat()) {
      if (action.includes('*')) findings.add(`Action::${action}`);
    }
    for (const resource of [statement.Resource].flat().map(nagText)) {
      if (resource.includes('*')) findings.add(`Resource::${resource}`);
    }
  }
  return [...findings];
}

/** An intrinsic as cdk-nag prints it: `{Ref: X}` and `${X}` → `<X>`, `Fn::GetAtt` → `<X.Attr>`. */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, unknown>;
  if (typeof intrinsic.Ref === 'string') return `<${intrinsic.Ref}>`;
  const getAtt = intrinsic['Fn::GetAtt'] as string[] | undefined;
  if (getAtt) return `<${getAtt.join('.')}>`;
  const join = intrinsic['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(nagText).join(join[0]);
  const sub = intrinsic['Fn::Sub'];
  if (typeof sub === 'string') return sub.replace(/\$\{([^}]+)\}/g, '<$1>');
  return JSON.stringify(value);
}
