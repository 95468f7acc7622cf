import { EmulatorAdmin } from '../test/support/anthropic-emulator/index.js';
import { startChildWithJsonLine, tsxNode } from './child-process.js';

const EMULATOR_CLI = 'test/support/anthropic-emulator/cli.ts';
const START_TIMEOUT_MS = 30_000;

/** The Anthropic emulator in its own process, so its CPU is never counted as the service's. */
export interface EmulatorProcess {
  readonly url: string;
  readonly admin: EmulatorAdmin;
  stop(): Promise<void>;
}

/**
 * Starts the emulator's CLI with zero latency on a free loopback port. It runs
 * under `node --import tsx`, not npx, so that stopping it stops it.
 */
export async function startEmulatorProcess(keys: readonly string[]): Promise<EmulatorProcess> {
  const { child, line } = await startChildWithJsonLine<{ url: string }>(
    tsxNode(EMULATOR_CLI, ['--port', '0', '--host', '127.0.0.1', '--latency-ms', '0']),
    START_TIMEOUT_MS,
  );
  const admin = new EmulatorAdmin(line.url);
  for (const key of keys) await admin.registerKey(key);
  return { url: line.url, admin, stop: () => child.stop() };
}
