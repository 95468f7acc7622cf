import { ENV } from '../../functions/shared/environment.js';
import { awsEnvironment } from './aws-target.js';

/** What a process needs to know to run the functions against a local stack. */
export interface LocalStackEnvironment {
  readonly awsEndpoint: string;
  readonly region: string;
  readonly anthropicUrl: string;
  /** The output of `functionEnvironment(...)`: table names, key ids, settings. */
  readonly functionEnvironment: Readonly<Record<string, string>>;
}

/**
 * The full environment a handler runs with locally: exactly what Lambda gives
 * it, plus the endpoints that send its default SDK and Anthropic clients to
 * moto and the emulator instead of AWS and Anthropic.
 */
export function localEnvironment(stack: LocalStackEnvironment): Record<string, string> {
  return {
    ...stack.functionEnvironment,
    ...awsEnvironment({ endpoint: stack.awsEndpoint, region: stack.region }),
    [ENV.anthropicBaseUrl]: stack.anthropicUrl,
  };
}

/**
 * Sets the local environment on this process. Must run before any handler
 * module is imported, since handlers read their environment at module load.
 */
export function applyLocalEnvironment(stack: LocalStackEnvironment): void {
  Object.assign(process.env, localEnvironment(stack));
}
