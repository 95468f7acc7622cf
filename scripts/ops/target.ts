import type { EnvName } from '../../functions/shared/environment.js';
import { STAGES, type Stage } from '../../lib/definitions/stages.js';
import type { StackOutputs } from './data/stack-outputs.js';
import { OpsError } from './errors.js';
import { useLocalTarget } from './local-target.js';

/** Where a command runs: the local stack (the default) or a deployed stage. */
export type Target =
  | { readonly kind: 'local'; readonly stackFile: string; readonly awsEndpoint: string }
  | {
      readonly kind: 'aws';
      readonly stage: Stage;
      readonly stackName: string;
      /** The stack's outputs, read from CloudFormation on first use. */
      readonly outputs: () => Promise<StackOutputs>;
    };

/** The global options that choose the target. */
export interface TargetOptions {
  readonly stage?: string;
  readonly stackFile?: string;
  readonly environmentFile?: string;
}

/**
 * Resolves the target and gives this process the environment the functions
 * have there, so the product's own adapters (tables, KMS, Secrets Manager)
 * work unchanged. Must run before a command module is loaded, since some
 * product modules read their environment when they load.
 */
export async function useTarget(
  options: TargetOptions,
  needs: readonly EnvName[],
  warn: (text: string) => void,
): Promise<Target> {
  if (options.stage === undefined) {
    if (options.environmentFile !== undefined) {
      throw new OpsError('--environment-file is for a deployed stage: add --stage dev|prod');
    }
    return useLocalTarget(options.stackFile);
  }
  if (options.stackFile !== undefined) {
    throw new OpsError('--stack-file is for the local stack: drop --stage or --stack-file');
  }
  if (!STAGES.includes(options.stage as Stage)) {
    throw new OpsError(`--stage must be one of ${STAGES.join(', ')}; got "${options.stage}"`);
  }
  // Loaded on use: the CloudFormation client is not needed for the local stack or for --help.
  const { useAwsTarget } = await import('./aws-target.js');
  return useAwsTarget(options.stage as Stage, options.environmentFile, needs, warn);
}
