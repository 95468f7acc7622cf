import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
} from '@smithy/types';
import type { InstrumentableClient } from './faults.js';

/** One call a client made: which service and operation, and its input as the code gave it. */
export interface AwsCall {
  readonly service: string;
  /** `GetItem`, `CreateSecret`: the command name without its `Command` suffix. */
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Calls recorded so far, in the order they were sent. */
export interface AwsCallRecorder {
  calls(): AwsCall[];
  clear(): void;
  stop(): void;
}

let recorderCount = 0;

/**
 * Records every call the given clients send, keyed by a service label of the
 * caller's choosing. The middleware sits at step `initialize`, so a call the
 * SDK retries counts once, as one operation of the code under test.
 */
export function recordAwsCalls(
  clients: Readonly<Record<string, InstrumentableClient>>,
): AwsCallRecorder {
  const name = `test-call-recorder-${++recorderCount}`;
  const calls: AwsCall[] = [];

  for (const [service, client] of Object.entries(clients)) {
    const middleware =
      (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
      async (args: InitializeHandlerArguments<object>) => {
        const operation = context.commandName?.replace(/Command$/, '') ?? 'unknown';
        calls.push({ service, operation, input: args.input as Record<string, unknown> });
        return next(args);
      };
    client.middlewareStack.add(middleware, { step: 'initialize', name, priority: 'high' });
  }

  return {
    calls: () => [...calls],
    clear: () => {
      calls.length = 0;
    },
    stop: () => {
      for (const client of Object.values(clients)) client.middlewareStack.remove(name);
    },
  };
}

/** A DynamoDB key attribute's string value, whether the input is marshalled (`{S: …}`) or not. */
export function keyAttribute(input: Readonly<Record<string, unknown>>, name: string) {
  const key = input.Key as Record<string, unknown> | undefined;
  const value = key?.[name];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value) return String(value.S);
  return undefined;
}
