import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { ENV, type EnvName } from '../../../functions/shared/environment.js';
import { OpsError } from '../errors.js';

/** A deployed stack's outputs, by output key. */
export type StackOutputs = Readonly<Record<string, string>>;

/** The outputs the CLI reads; lib/service-stack.ts declares them (a test checks it). */
export const STACK_OUTPUT = {
  agentsTable: 'AgentsTableName',
  countersTable: 'CountersTableName',
  auditTable: 'AuditTableName',
  vaultPrefix: 'VaultPrefix',
  fingerprintKey: 'FingerprintKeyArn',
  deadLetterQueueUrl: 'CapResetDeadLetterQueueUrl',
} as const;

/** The function variable each output stands for: the same value the stack gives the functions. */
export const OUTPUT_OF_VARIABLE: Readonly<Partial<Record<EnvName, string>>> = {
  [ENV.agentsTable]: STACK_OUTPUT.agentsTable,
  [ENV.countersTable]: STACK_OUTPUT.countersTable,
  [ENV.auditTable]: STACK_OUTPUT.auditTable,
  [ENV.vaultPrefix]: STACK_OUTPUT.vaultPrefix,
  [ENV.fingerprintKeyId]: STACK_OUTPUT.fingerprintKey,
};

/**
 * The outputs of a stack (`DescribeStacks`), with the credentials and region
 * of the SDK's standard chain. The client is made on use: this module loads
 * before a command's target has set the environment.
 */
export async function readStackOutputs(stackName: string): Promise<StackOutputs> {
  const client = new CloudFormationClient({});
  try {
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    const outputs = Stacks?.[0]?.Outputs ?? [];
    return Object.fromEntries(
      outputs.flatMap(({ OutputKey, OutputValue }) =>
        OutputKey && OutputValue !== undefined ? [[OutputKey, OutputValue]] : [],
      ),
    );
  } catch (error) {
    throw new OpsError(
      `cannot read the outputs of stack ${stackName} (check the stage, the account and ` +
        'the region, or pass --environment-file)',
      { cause: error },
    );
  } finally {
    client.destroy();
  }
}
