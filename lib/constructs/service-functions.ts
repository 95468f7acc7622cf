import { Duration } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionId } from '../../functions/http/routes.js';
import { ServiceFunction } from './service-function.js';

/** The API's functions plus the daily job and the catch-all route's answerer. */
export type ServiceFunctionId = FunctionId | 'cap-reset' | 'fallback';

interface FunctionSpec {
  readonly description: string;
  readonly timeoutSeconds: number;
}

/**
 * The gateway waits for whole Anthropic completions (60 s per attempt), so it
 * gets far longer than the rest; the writer only sends a short validation
 * ping, which must time out well inside its 15 s.
 */
const FUNCTION_SPECS: Readonly<Record<ServiceFunctionId, FunctionSpec>> = {
  'agents-read': { description: 'Reads agents, spend, usage and audit events', timeoutSeconds: 15 },
  // A key change may wait for an 8 s validation ping and up to 8 s for another change's lock.
  'agents-write': {
    description: 'Creates and updates agents and their BYO keys',
    timeoutSeconds: 25,
  },
  // Just under the HTTP API's 29 s integration limit; the Anthropic call itself stops at 25 s.
  gateway: { description: 'Proxies an agent call to Anthropic within its cap', timeoutSeconds: 28 },
  'cap-reset': {
    description: 'Daily: lifts caps, clears stale reservations, sweeps orphaned secrets',
    timeoutSeconds: 300,
  },
  fallback: { description: 'Answers 404 or 405 for unknown routes', timeoutSeconds: 15 },
};

export const SERVICE_FUNCTION_IDS = Object.keys(FUNCTION_SPECS) as readonly ServiceFunctionId[];

export interface ServiceFunctionsProps {
  readonly stage: string;
  /** Put before each function id to make its name, e.g. `prod-agent-llm` + `-gateway`. */
  readonly namePrefix: string;
  /** The same variables for every function; see lib/definitions/function-environment.ts. */
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: RetentionDays;
  /** @default 512 */
  readonly gatewayMemorySizeMb?: number;
}

/** Creates the service's five functions, one per handler file, with their limits. */
export class ServiceFunctions extends Construct {
  readonly byId: Readonly<Record<ServiceFunctionId, ServiceFunction>>;

  constructor(scope: Construct, id: string, props: ServiceFunctionsProps) {
    super(scope, id);

    const entries = SERVICE_FUNCTION_IDS.map((functionId) => [
      functionId,
      this.create(functionId, props),
    ]);
    this.byId = Object.fromEntries(entries);
  }

  private create(functionId: ServiceFunctionId, props: ServiceFunctionsProps): ServiceFunction {
    const spec = FUNCTION_SPECS[functionId];
    return new ServiceFunction(this, pascalCase(functionId), {
      handlerName: functionId,
      functionName: `${props.namePrefix}-${functionId}`,
      stage: props.stage,
      description: spec.description,
      timeout: Duration.seconds(spec.timeoutSeconds),
      memorySizeMb: functionId === 'gateway' ? props.gatewayMemorySizeMb : undefined,
      logRetention: props.logRetention,
      environment: props.environment,
    });
  }
}

/** `agents-read` becomes `AgentsRead`, a readable logical id. */
function pascalCase(functionId: string): string {
  return functionId.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) =>
    letter.toUpperCase(),
  );
}
