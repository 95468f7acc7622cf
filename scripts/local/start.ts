/**
 * `npm start`: the whole service on this machine. Moto stands in for AWS, the
 * Anthropic emulator (or `ANTHROPIC_BASE_URL`) for Anthropic, and a local HTTP
 * server for API Gateway, invoking the very handler modules Lambda runs.
 */
import { ROLES } from '../../functions/auth/principal.js';
import { functionEnvironment } from '../../lib/definitions/function-environment.js';
import type { ServiceSettings } from '../../lib/definitions/settings.js';
import { type AnthropicEndpoint, startAnthropic } from './anthropic.js';
import { startApiServer } from './api-server.js';
import { LOCAL_REGION } from './aws-target.js';
import { readyBanner } from './banner.js';
import { runDailyAtMidnightUtc } from './daily-schedule.js';
import { demoAnthropicKey } from './demo-keys.js';
import { applyLocalEnvironment, type LocalStackEnvironment } from './local-environment.js';
import { describeError, logLine } from './local-log.js';
import { localSettings } from './local-settings.js';
import { startMoto } from './moto-server.js';
import { provisionResources } from './provision.js';
import { ensurePythonEnv } from './python-env.js';
import { invokeCapReset } from './scheduler-event.js';
import { seedWorkspace } from './seed.js';
import { Shutdown } from './shutdown.js';
import { type StackFile, writeStackFile } from './stack-file.js';
import { ensureWebBuild } from './web-build.js';

const DEFAULT_PORT = 3000;

/** Moto, provisioned resources and Anthropic; the environment is set once they exist. */
async function startBackends(shutdown: Shutdown, settings: ServiceSettings, demoByoKey: string) {
  await ensurePythonEnv();
  const moto = await startMoto();
  shutdown.add('moto', moto.stop);

  const hostedApiKey = process.env.HOSTED_ANTHROPIC_API_KEY || demoAnthropicKey();
  const target = { endpoint: moto.endpoint, region: LOCAL_REGION };
  const names = { tablePrefix: 'local' };
  const locations = await provisionResources(names, settings, hostedApiKey, target);

  const anthropic = await startAnthropic([hostedApiKey, demoByoKey]);
  shutdown.add('anthropic emulator', anthropic.stop);

  const environment: LocalStackEnvironment = {
    awsEndpoint: moto.endpoint,
    region: LOCAL_REGION,
    anthropicUrl: anthropic.url,
    functionEnvironment: functionEnvironment(locations, settings),
  };
  applyLocalEnvironment(environment);
  return { environment, anthropic };
}

/** Two workspaces: every role in the first, and a second one to prove isolation against. */
async function seedDemoData(settings: ServiceSettings) {
  const seeded = [
    await seedWorkspace({ name: 'Demo workspace', roles: ROLES, agents: 1, settings }),
    await seedWorkspace({ name: 'Other workspace', roles: ['OWNER'], agents: 1, settings }),
  ];
  return seeded.map(({ id, tokens, agentIds }) => ({ id, tokens, agentIds }));
}

async function start(
  shutdown: Shutdown,
): Promise<{ stack: StackFile; anthropic: AnthropicEndpoint }> {
  const settings = localSettings();
  const demoByoKey = demoAnthropicKey();
  const { environment, anthropic } = await startBackends(shutdown, settings, demoByoKey);
  const workspaces = await seedDemoData(settings);

  const port = Number(process.env.PORT || DEFAULT_PORT);
  const webRoot = await ensureWebBuild();
  const api = await startApiServer({ port, host: '127.0.0.1', webRoot });
  shutdown.add('api server', api.stop);

  const stack: StackFile = {
    apiUrl: api.url,
    webUrl: new URL('/', api.url).href,
    awsEndpoint: environment.awsEndpoint,
    region: environment.region,
    anthropicBaseUrl: environment.anthropicUrl,
    workspaces,
    demoByoKey,
    functionEnvironment: { ...environment.functionEnvironment },
  };
  await writeStackFile(stack);

  // Moto never fires EventBridge schedules, so the daily cap reset runs on a local timer.
  const schedule = runDailyAtMidnightUtc((scheduledAt) => invokeCapReset(scheduledAt));
  shutdown.add('cap-reset schedule', schedule.cancel);
  return { stack, anthropic };
}

// Before any SDK client exists: the SDK warns once, at the first client, about Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const shutdown = new Shutdown();
shutdown.onSignals();
try {
  const { stack, anthropic } = await start(shutdown);
  console.log(readyBanner(stack, anthropic.emulated));
} catch (error) {
  logLine('ERROR', 'local stack failed to start', { error: describeError(error) });
  await shutdown.run();
  process.exit(1);
}
