import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES } from '../../../functions/auth/principal.js';
import { functionEnvironment } from '../../../lib/definitions/function-environment.js';
import { startApiServer } from '../../../scripts/local/api-server.js';
import { LOCAL_REGION } from '../../../scripts/local/aws-target.js';
import { demoAnthropicKey } from '../../../scripts/local/demo-keys.js';
import { applyLocalEnvironment } from '../../../scripts/local/local-environment.js';
import { localSettings } from '../../../scripts/local/local-settings.js';
import { startMoto } from '../../../scripts/local/moto-server.js';
import { provisionResources } from '../../../scripts/local/provision.js';
import { ensurePythonEnv } from '../../../scripts/local/python-env.js';
import { type SeededWorkspace, seedWorkspace } from '../../../scripts/local/seed.js';
import { Shutdown } from '../../../scripts/local/shutdown.js';
import {
  type AnthropicEmulator,
  startAnthropicEmulator,
} from '../../support/anthropic-emulator/index.js';

/** A whole local stack owned by one script: moto, the emulator and the API, all on loopback. */
export interface PrivateStack {
  /** `http://127.0.0.1:<port>/api/v1`. */
  readonly apiUrl: string;
  readonly awsEndpoint: string;
  readonly emulator: AnthropicEmulator;
  readonly hostedApiKey: string;
  /** Every role, two hosted agents. */
  readonly workspace: SeededWorkspace<(typeof ROLES)[number]>;
  /** An OWNER and one agent, to prove isolation against. */
  readonly otherWorkspace: SeededWorkspace<'OWNER'>;
  /** The API process's heap in use, after a garbage collection when asked. */
  heapUsedBytes(collect?: boolean): Promise<number>;
  stop(): Promise<void>;
}

export interface PrivateStackOptions {
  /** Set before any handler module loads, as Lambda's environment would be. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Hosted agents of the main workspace. */
  readonly agents?: number;
  /**
   * Runs the API in a child process, its output to this file, so its memory
   * can be measured apart from the load; by default it runs in this process.
   */
  readonly apiProcessLog?: string;
}

/**
 * Starts what `npm start` starts, without the web app or the schedule, for a
 * runner that needs a stack to itself (`npm run test:fuzz`, `npm run
 * test:load`). The environment overrides (limits raised for a fuzzer, say)
 * are set before any handler module loads, as Lambda's would be.
 */
export async function startPrivateStack(options: PrivateStackOptions = {}): Promise<PrivateStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  Object.assign(process.env, options.environment);
  const shutdown = new Shutdown();
  try {
    return await start(shutdown, options);
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

async function start(shutdown: Shutdown, options: PrivateStackOptions): Promise<PrivateStack> {
  await ensurePythonEnv();
  const moto = await startMoto();
  shutdown.add('moto', moto.stop);

  const settings = localSettings();
  const hostedApiKey = demoAnthropicKey();
  const target = { endpoint: moto.endpoint, region: LOCAL_REGION };
  const names = { tablePrefix: `sec-${randomBytes(4).toString('hex')}` };
  const locations = await provisionResources(names, settings, hostedApiKey, target);

  const emulator = await startAnthropicEmulator({ host: '127.0.0.1' });
  shutdown.add('anthropic emulator', emulator.stop);
  emulator.registerKey(hostedApiKey);

  applyLocalEnvironment({
    awsEndpoint: moto.endpoint,
    region: LOCAL_REGION,
    anthropicUrl: emulator.url,
    functionEnvironment: functionEnvironment(locations, settings),
  });
  const agents = options.agents ?? 2;
  const workspace = await seedWorkspace({ name: 'Security', roles: ROLES, agents, settings });
  const otherWorkspace = await seedWorkspace({
    name: 'Other',
    roles: ['OWNER'] as const,
    agents: 1,
    settings,
  });

  const api = options.apiProcessLog
    ? await startApiProcess(options.apiProcessLog)
    : await startApiHere();
  shutdown.add('api server', api.stop);
  return {
    apiUrl: api.url,
    heapUsedBytes: api.heapUsedBytes,
    awsEndpoint: moto.endpoint,
    emulator,
    hostedApiKey,
    workspace,
    otherWorkspace,
    stop: () => shutdown.run(),
  };
}

interface RunningApi {
  readonly url: string;
  heapUsedBytes(collect?: boolean): Promise<number>;
  stop(): Promise<void>;
}

async function startApiHere(): Promise<RunningApi> {
  const api = await startApiServer({ port: 0, host: '127.0.0.1' });
  return {
    url: api.url,
    heapUsedBytes: async () => process.memoryUsage().heapUsed,
    stop: api.stop,
  };
}

/** The API in a child process with this process's environment, its output to a file. */
async function startApiProcess(logPath: string): Promise<RunningApi> {
  const script = fileURLToPath(new URL('./api-process.ts', import.meta.url));
  const child = fork(script, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  await mkdir(dirname(logPath), { recursive: true });
  const log = createWriteStream(logPath);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await nextMessage(child, 'ready');

  return {
    url: String(ready.url),
    heapUsedBytes: async (collect = false) => {
      child.send({ kind: 'heap', collect });
      return Number((await nextMessage(child, 'heap')).heapUsedBytes);
    },
    stop: async () => {
      child.send({ kind: 'stop' });
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000).unref())]);
      child.kill('SIGKILL');
    },
  };
}

/** The child's next message of a kind; fails if the child exits first. */
function nextMessage(child: ChildProcess, kind: string): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    const onExit = (code: number | null) => fail(new Error(`the API process exited (${code})`));
    const onMessage = (message: Record<string, unknown>) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
