import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  MiddlewareStack,
} from '@smithy/types';

/** An AWS SDK v3 client, or the document client that shares its middleware stack. */
export interface InstrumentableClient {
  // biome-ignore lint/suspicious/noExplicitAny: any client's stack, whatever its commands.
  readonly middlewareStack: MiddlewareStack<any, any>;
}

/** An error as an AWS service would send it back, before the SDK wraps it. */
export interface AwsErrorShape {
  /** The error code, e.g. `ThrottlingException` or `TransactionCanceledException`. */
  readonly name: string;
  readonly message?: string;
  /** Defaults to `server` from 500 up, `client` below. */
  readonly httpStatusCode?: number;
  /** Modelled fields the error carries, such as a cancelled transaction's `CancellationReasons`. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Builds an error in the shape the SDK throws: `name`, `$fault`, `$metadata` and its fields. */
export function awsError(shape: AwsErrorShape): Error {
  const statusCode = shape.httpStatusCode ?? 400;
  const error = new Error(shape.message ?? `${shape.name} injected by a test`);
  error.name = shape.name;
  return Object.assign(error, {
    $fault: statusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: statusCode, requestId: 'injected-by-test', attempts: 1 },
    ...shape.fields,
  });
}

export interface AwsFaultOptions {
  /** The operation to fail, with or without the `Command` suffix: `CreateSecret`. */
  readonly command: string;
  /** The first call of that operation that fails, counting from 1 once the fault is in place. */
  readonly nth?: number;
  /** How many calls in a row fail from the nth on; defaults to 1. */
  readonly times?: number;
  /**
   * `before` (the default) fails the call before it is sent; `after` sends it
   * and replaces its answer with the error, as when a response is lost on the
   * way back and the caller cannot know whether the call took effect.
   */
  readonly when?: 'before' | 'after';
  readonly error: AwsErrorShape;
}

/** A fault in place on a client. */
export interface InjectedAwsFault {
  /** Calls of the operation seen since the fault was put in place. */
  readonly seen: number;
  /** Calls it made fail. */
  readonly thrown: number;
  remove(): void;
}

let faultCount = 0;

const operationOf = (commandName: string | undefined) => commandName?.replace(/Command$/, '');

/**
 * Makes some calls of one operation fail on a real SDK client. The middleware
 * sits at step `initialize`, outside the SDK's retries, so the failure reaches
 * the calling code exactly as given, once per failing call.
 */
export function injectAwsFault(
  client: InstrumentableClient,
  options: AwsFaultOptions,
): InjectedAwsFault {
  const name = `test-fault-${++faultCount}`;
  const first = options.nth ?? 1;
  const last = first + (options.times ?? 1) - 1;
  const state = { seen: 0, thrown: 0 };

  const middleware =
    (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<object>) => {
      if (operationOf(context.commandName) !== operationOf(options.command)) return next(args);
      state.seen += 1;
      if (state.seen < first || state.seen > last) return next(args);
      state.thrown += 1;
      if (options.when === 'after') await next(args);
      throw awsError(options.error);
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

/** Runs `action` with the fault in place and always removes it afterwards. */
export async function withAwsFault<T>(
  client: InstrumentableClient,
  options: AwsFaultOptions,
  action: (fault: InjectedAwsFault) => Promise<T>,
): Promise<T> {
  const fault = injectAwsFault(client, options);
  try {
    return await action(fault);
  } finally {
    fault.remove();
  }
}
