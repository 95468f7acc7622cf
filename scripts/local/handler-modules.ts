import type { Context } from 'aws-lambda';
import type { FunctionId } from '../../functions/http/routes.js';

/** Every function the local stack runs: the API's, the fallback route's and the daily job's. */
export type LocalFunctionId = FunctionId | 'fallback' | 'cap-reset';

/** A Lambda handler as this service writes them: async, no callback. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * The very modules Lambda runs, imported on first use. Lazy, because handlers
 * read their environment at module load and the local stack sets it first; a
 * static map (rather than a computed path) lets tsc and bundlers see each one,
 * and a new `FunctionId` fails to compile until it is listed here.
 */
const MODULES: Record<LocalFunctionId, () => Promise<{ handler: unknown }>> = {
  'agents-read': () => import('../../functions/handlers/agents-read.js'),
  'agents-write': () => import('../../functions/handlers/agents-write.js'),
  gateway: () => import('../../functions/handlers/gateway.js'),
  fallback: () => import('../../functions/handlers/fallback.js'),
  'cap-reset': () => import('../../functions/handlers/cap-reset.js'),
};

/** Loads a function's `handler` export; the module is evaluated once, like a warm Lambda. */
export async function loadHandler(functionId: LocalFunctionId): Promise<LambdaHandler> {
  const { handler } = await MODULES[functionId]();
  if (typeof handler !== 'function') {
    throw new Error(`functions/handlers/${functionId}.ts exports no handler function`);
  }
  return handler as LambdaHandler;
}

/** The name a function has locally, used in its Lambda context and ARN. */
export function localFunctionName(functionId: LocalFunctionId): string {
  return `local-${functionId}`;
}
