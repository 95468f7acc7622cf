import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ENV } from '../../../../functions/shared/environment.js';
import { type CapturedLogs, captureLogs } from '../../../support/capture-logs.js';
import { type LocalApi, localStack, startLocalApi } from '../../../support/local-api.js';

/** A vault prefix of its own, so one file's sweep never touches another file's secrets. */
export const newVaultPrefix = () => `it-ops-${randomBytes(4).toString('hex')}`;

/** What a test file gets: its local API and a stack file for the ops CLI's `--stack-file`. */
export interface OpsStack {
  /** `http://127.0.0.1:<port>/api/v1`. */
  url: string;
  vaultPrefix: string;
  /** Writes a stack file, with extra function variables, and returns `--stack-file <path>`. */
  stackFileArgs(environment?: Readonly<Record<string, string>>): Promise<string[]>;
  /** Writes JSON to a file removed after the tests, and returns its path. */
  jsonFile(content: unknown): Promise<string>;
}

/**
 * Starts this file's local API with a vault prefix of its own, and writes
 * stack files shaped like `.local/stack.json` that point the CLI at the
 * shared moto and emulator, so commands run exactly as they would against
 * `npm start`. The functions' log lines are captured rather than printed.
 */
export function useOpsStack(): OpsStack {
  const context = { vaultPrefix: newVaultPrefix() } as OpsStack;
  let localApi: LocalApi | undefined;
  let logs: CapturedLogs | undefined;
  let directory: string | undefined;

  beforeAll(async () => {
    logs = captureLogs({ echo: process.env.ECHO_TEST_LOGS === '1' });
    localApi = await startLocalApi();
    // Read by the agents-write function when it loads, at the first request.
    process.env[ENV.vaultPrefix] = context.vaultPrefix;
    context.url = localApi.url;
    directory = await mkdtemp(join(tmpdir(), 'ops-test-'));
  });
  afterAll(async () => {
    await localApi?.stop();
    logs?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  context.jsonFile = async (content) => {
    const path = join(directory!, `${randomBytes(4).toString('hex')}.json`);
    await writeFile(path, JSON.stringify(content), { mode: 0o600 });
    return path;
  };
  context.stackFileArgs = async (environment = {}) => {
    const stack = localStack();
    const file = {
      awsEndpoint: stack.awsEndpoint,
      region: stack.region,
      anthropicBaseUrl: stack.anthropicUrl,
      functionEnvironment: {
        ...stack.functionEnvironment,
        [ENV.vaultPrefix]: context.vaultPrefix,
        ...environment,
      },
    };
    return ['--stack-file', await context.jsonFile(file)];
  };
  return context;
}
