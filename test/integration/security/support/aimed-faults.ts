import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
} from '@smithy/types';
import {
  type AwsErrorShape,
  awsError,
  type InjectedAwsFault,
  type InstrumentableClient,
} from '../../../support/faults.js';

/** A fault aimed at the calls of one operation whose input passes a test. */
export interface AimedFault {
  /** `UpdateItem`, `TransactWriteItems`, `GetSecretValue`… */
  readonly command: string;
  readonly where: (input: Readonly<Record<string, unknown>>) => boolean;
  /** How many matching calls in a row fail, from the first; defaults to 1. */
  readonly times?: number;
  /** `after` lets the call take effect and loses its answer. */
  readonly when?: 'before' | 'after';
  readonly error: AwsErrorShape;
}

let count = 0;

/**
 * Like `injectAwsFault` (test/support/faults.ts), but fails only the calls
 * whose input matches, so a test can fail the reservation and not the other
 * `UpdateItem`s of the same request. Sits at step `initialize`, outside the
 * SDK's retries, so the error reaches the code as given.
 */
export function injectAimedFault(
  client: InstrumentableClient,
  fault: AimedFault,
): InjectedAwsFault {
  const name = `test-aimed-fault-${++count}`;
  const state = { seen: 0, thrown: 0 };

  const middleware =
    (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<object>) => {
      const operation = context.commandName?.replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      if (operation !== fault.command || !fault.where(input)) return next(args);
      state.seen += 1;
      if (state.thrown >= (fault.times ?? 1)) return next(args);
      state.thrown += 1;
      if (fault.when === 'after') await next(args);
      throw awsError(fault.error);
    };
  client.middlewareStack.add(middleware, { step: 'initialize', name, priority: 'high' });

  return {
    get seen() {
      return state.seen;
    },
    get thrown() {
      return state.thrown;
    },
    remove: () => {
      client.middlewareStack.remove(name);
    },
  };
}

/** A string attribute of a DynamoDB input, marshalled (`{S: …}`) or not. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value) return String(value.S);
  return undefined;
}
