import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { functionEnvironment } from '../../lib/definitions/function-environment.js';
import { DEFAULT_SETTINGS } from '../../lib/definitions/settings.js';
import { LOCAL_REGION } from '../../scripts/local/aws-target.js';
import { demoAnthropicKey } from '../../scripts/local/demo-keys.js';
import { startMoto } from '../../scripts/local/moto-server.js';
import { provisionResources } from '../../scripts/local/provision.js';
import { ensurePythonEnv } from '../../scripts/local/python-env.js';
import { Shutdown } from '../../scripts/local/shutdown.js';
import { startAnthropicEmulator } from './anthropic-emulator/index.js';
import type { LocalStackContext } from './local-stack-context.js';

/**
 * Starts, once per integration run, what every test shares: moto with the
 * stack's resources under a run-unique table prefix, and the Anthropic
 * emulator. Both live in vitest's main process; the API server does not, so
 * that each test file runs it in its own worker, where it can mock modules.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const shutdown = new Shutdown();

  try {
    project.provide('localStack', await startShared(shutdown));
  } catch (error) {
    await shutdown.run();
    throw error;
  }
  return () => shutdown.run();
}

async function startShared(shutdown: Shutdown): Promise<LocalStackContext> {
  await ensurePythonEnv();
  const moto = await startMoto();
  shutdown.add('moto', moto.stop);

  const emulator = await startAnthropicEmulator();
  shutdown.add('anthropic emulator', emulator.stop);
  const hostedApiKey = demoAnthropicKey();
  emulator.registerKey(hostedApiKey);

  const settings = DEFAULT_SETTINGS;
  const names = { tablePrefix: `it-${randomBytes(4).toString('hex')}` };
  const target = { endpoint: moto.endpoint, region: LOCAL_REGION };
  const locations = await provisionResources(names, settings, hostedApiKey, target);

  return {
    awsEndpoint: moto.endpoint,
    region: LOCAL_REGION,
    anthropicUrl: emulator.url,
    functionEnvironment: functionEnvironment(locations, settings),
    settings,
    hostedApiKey,
  };
}
