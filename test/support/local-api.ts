import { inject } from 'vitest';
import { startApiServer } from '../../scripts/local/api-server.js';
import { applyLocalEnvironment } from '../../scripts/local/local-environment.js';
import type { LocalStackContext } from './local-stack-context.js';

/** The shared local stack, as the global setup provided it. */
export function localStack(): LocalStackContext {
  return inject('localStack');
}

/**
 * Gives this worker the environment the functions get on Lambda, pointed at
 * the shared moto and emulator, for tests that call handlers or adapters
 * directly. Import such modules dynamically afterwards: handlers read their
 * environment at module load, and static imports run before any test code.
 */
export function applyLocalStackEnvironment(): LocalStackContext {
  const stack = localStack();
  applyLocalEnvironment(stack);
  return stack;
}

/** A local API running in this test worker. */
export interface LocalApi {
  /** `http://127.0.0.1:<port>/api/v1`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Sets this worker's environment as Lambda's would be and starts the local API
 * on a free port. It runs in the worker, not in the global setup, so the
 * handlers it imports are the test file's modules: `vi.mock` and spies on
 * their SDK clients apply to the requests the test sends.
 */
export async function startLocalApi(): Promise<LocalApi> {
  applyLocalStackEnvironment();
  const server = await startApiServer({ port: 0 });
  return { url: server.url, stop: server.stop };
}
