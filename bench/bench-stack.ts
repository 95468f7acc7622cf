import { functionEnvironment } from '../lib/definitions/function-environment.js';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../lib/definitions/settings.js';
import { type AwsTarget, LOCAL_REGION } from '../scripts/local/aws-target.js';
import { demoAnthropicKey } from '../scripts/local/demo-keys.js';
import {
  applyLocalEnvironment,
  type LocalStackEnvironment,
} from '../scripts/local/local-environment.js';
import { startMoto } from '../scripts/local/moto-server.js';
import { provisionResources } from '../scripts/local/provision.js';
import { ensurePythonEnv } from '../scripts/local/python-env.js';
import type { Shutdown } from '../scripts/local/shutdown.js';
import { type EmulatorProcess, startEmulatorProcess } from './emulator-process.js';
import { lambdaOnlyEnvironment } from './function-config.js';

/** Everything a bench phase needs to reach the stack it runs against. */
export interface BenchStack {
  readonly environment: LocalStackEnvironment;
  readonly target: AwsTarget;
  readonly settings: ServiceSettings;
  readonly hostedApiKey: string;
  readonly emulator: EmulatorProcess;
  /** Variables Lambda sets that the local stack does not; given to every process running handlers. */
  readonly lambdaEnvironment: Readonly<Record<string, string>>;
}

/**
 * The sweep's age limit set to 0 models the steady state, in which every BYO
 * key's secret is older than the hour the job leaves alone, so that the job
 * does in the bench the work it does every night on AWS.
 */
const BENCH_ONLY_ENVIRONMENT = { SWEEP_MIN_SECRET_AGE_SECONDS: '0' };

/**
 * A stack of the bench's own: moto with the stack's tables, keys and hosted
 * key (prefix `bench`), and the Anthropic emulator in a child process. Sets
 * this process's environment as Lambda's would be, so handler modules can be
 * imported afterwards.
 */
export async function startBenchStack(shutdown: Shutdown): Promise<BenchStack> {
  await ensurePythonEnv();
  const moto = await startMoto();
  shutdown.add('moto', moto.stop);

  const settings = DEFAULT_SETTINGS;
  const hostedApiKey = demoAnthropicKey();
  const target = { endpoint: moto.endpoint, region: LOCAL_REGION };
  const locations = await provisionResources(
    { tablePrefix: 'bench' },
    settings,
    hostedApiKey,
    target,
  );

  const emulator = await startEmulatorProcess([hostedApiKey]);
  shutdown.add('anthropic emulator', emulator.stop);

  const environment: LocalStackEnvironment = {
    awsEndpoint: moto.endpoint,
    region: LOCAL_REGION,
    anthropicUrl: emulator.url,
    functionEnvironment: functionEnvironment(locations, settings),
  };
  const lambdaEnvironment = { ...lambdaOnlyEnvironment(), ...BENCH_ONLY_ENVIRONMENT };
  applyLocalEnvironment(environment);
  Object.assign(process.env, lambdaEnvironment);

  return { environment, target, settings, hostedApiKey, emulator, lambdaEnvironment };
}
