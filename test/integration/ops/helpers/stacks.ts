import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
} from '@aws-sdk/client-cloudformation';
import { awsClientConfig } from '../../../../scripts/local/aws-target.js';
import { localStack } from '../../../support/local-api.js';

const stack = localStack();
const cloudFormation = new CloudFormationClient(
  awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region }),
);

/** A template output: a literal, or a reference to one of the template's resources. */
type OutputValue = string | { readonly Ref: string };

/**
 * Creates a stack in moto with the outputs given, standing in for a deployed
 * stage: one resource of its own (a queue when `queueName` is given, which
 * `{ Ref: 'Queue' }` names by URL), since a template needs at least one.
 * Moto creates it at once.
 */
export async function createStack(
  stackName: string,
  outputs: Readonly<Record<string, OutputValue>>,
  queueName?: string,
): Promise<void> {
  const resource = queueName
    ? { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: queueName } } }
    : { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } };
  const template = {
    Resources: resource,
    Outputs: Object.fromEntries(
      Object.entries(outputs).map(([key, value]) => [key, { Value: value }]),
    ),
  };
  await cloudFormation.send(
    new CreateStackCommand({ StackName: stackName, TemplateBody: JSON.stringify(template) }),
  );
}

export async function deleteStack(stackName: string): Promise<void> {
  await cloudFormation.send(new DeleteStackCommand({ StackName: stackName }));
}
