import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
} from '@smithy/types';
import type { InstrumentableClient } from '../test/support/faults.js';

/** One AWS request a function made, with what it read: the unit every cost figure is built on. */
export interface CountedCall {
  /** The label the counter was given for the client: `dynamoDb`, `secretsManager`, `kms`. */
  readonly service: string;
  /** `GetItem`, `Query`, `TransactWriteItems`, `GetSecretValue`… */
  readonly operation: string;
  readonly table?: string;
  readonly indexName?: string;
  readonly consistentRead: boolean;
  /** Items DynamoDB read to answer: `ScannedCount` of a Query, 1 for a GetItem that found one. */
  readonly itemsRead: number;
  /** Items a TransactWriteItems wrote; 1 for any other write. */
  readonly itemsWritten: number;
  /** Entries a ListSecrets page returned. */
  readonly listed: number;
  /** A refused call (a failed condition) is billed all the same. */
  readonly failed: boolean;
  /** From the code's send to its answer, retries included. */
  readonly durationMs: number;
}

/** Counts the calls of some SDK clients until stopped. */
export interface AwsCallCounter {
  calls(): CountedCall[];
  clear(): void;
  stop(): void;
}

let counterCount = 0;

/**
 * Adds a middleware at step `initialize` to each client: outside the SDK's
 * retries, so one call of the code is one count, as in the integration tests'
 * recorder; it also looks at the answer, to count what was read.
 */
export function countAwsCalls(
  clients: Readonly<Record<string, InstrumentableClient>>,
): AwsCallCounter {
  const name = `bench-call-counter-${++counterCount}`;
  const calls: CountedCall[] = [];

  for (const [service, client] of Object.entries(clients)) {
    const middleware =
      (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
      async (args: InitializeHandlerArguments<object>) => {
        const operation = context.commandName?.replace(/Command$/, '') ?? 'unknown';
        const input = args.input as Record<string, unknown>;
        const startedMs = performance.now();
        try {
          const result = await next(args);
          const output = result.output as Record<string, unknown>;
          calls.push(describe(service, operation, input, output, performance.now() - startedMs));
          return result;
        } catch (error) {
          const durationMs = performance.now() - startedMs;
          calls.push({ ...describe(service, operation, input, {}, durationMs), failed: true });
          throw error;
        }
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

function describe(
  service: string,
  operation: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
  durationMs: number,
): CountedCall {
  const transactItems = Array.isArray(input.TransactItems) ? input.TransactItems : undefined;
  return {
    service,
    operation,
    ...(typeof input.TableName === 'string' ? { table: input.TableName } : {}),
    ...(typeof input.IndexName === 'string' ? { indexName: input.IndexName } : {}),
    consistentRead: input.ConsistentRead === true,
    itemsRead: itemsReadOf(operation, output),
    itemsWritten: transactItems ? transactItems.length : 1,
    listed: Array.isArray(output.SecretList) ? output.SecretList.length : 0,
    failed: false,
    durationMs,
  };
}

function itemsReadOf(operation: string, output: Record<string, unknown>): number {
  if (operation === 'GetItem') return output.Item ? 1 : 0;
  if (operation === 'Query' || operation === 'Scan') {
    return Number(output.ScannedCount ?? output.Count ?? 0);
  }
  return 0;
}
