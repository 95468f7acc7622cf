import {
  type LocalStackEnvironment,
  localEnvironment,
} from '../scripts/local/local-environment.js';
import { startChildWithJsonLine, tsxNode } from './child-process.js';

const START_TIMEOUT_MS = 30_000;

/** A local API server running in a child process. */
export interface ApiServerProcess {
  /** `http://127.0.0.1:<port>/api/v1`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `api-server-child.ts` with the environment the functions get on Lambda. */
export async function startApiServerProcess(
  stack: LocalStackEnvironment,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<ApiServerProcess> {
  const env = { ...process.env, ...localEnvironment(stack), ...extraEnv };
  const { child, line } = await startChildWithJsonLine<{ url: string }>(
    { ...tsxNode('bench/api-server-child.ts'), env },
    START_TIMEOUT_MS,
  );
  return { url: line.url, stop: () => child.stop() };
}
