import { afterAll, beforeAll } from 'vitest';
import { type CapturedLogs, captureLogs } from '../../../support/capture-logs.js';
import { type LocalApi, startLocalApi } from '../../../support/local-api.js';
import { type AgentsApi, agentsApi } from './agents-api.js';

/** What a test file gets once its local API runs. */
export interface LocalAgentsApi {
  /** `http://127.0.0.1:<port>/api/v1`. */
  url: string;
  agents: AgentsApi;
  /** Everything the worker printed since the API started (the functions' log lines). */
  logs: CapturedLogs;
  /** The very SDK clients the handlers use, to count calls and inject faults on. */
  awsClients: typeof import('../../../../functions/adapters/aws-clients.js').awsClients;
}

export interface LocalAgentsApiOptions {
  /** Variables to override in the functions' environment, such as a limit. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * Starts this file's own local API before its tests and stops it after. The
 * functions' log lines are captured rather than printed (set
 * `ECHO_TEST_LOGS=1` to see them), so tests can search them.
 */
export function useLocalAgentsApi(options: LocalAgentsApiOptions = {}): LocalAgentsApi {
  const context = {} as LocalAgentsApi;
  let localApi: LocalApi | undefined;

  beforeAll(async () => {
    context.logs = captureLogs({ echo: process.env.ECHO_TEST_LOGS === '1' });
    localApi = await startLocalApi();
    // Read by the handlers when they load, at the first request.
    Object.assign(process.env, options.environment);
    context.url = localApi.url;
    context.agents = agentsApi(localApi.url);
    // Imported once the environment is set, as the handlers import it.
    context.awsClients = (await import('../../../../functions/adapters/aws-clients.js')).awsClients;
  });
  afterAll(async () => {
    await localApi?.stop();
    context.logs?.stop();
  });

  return context;
}
