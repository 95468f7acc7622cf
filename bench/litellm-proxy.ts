import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../scripts/local/free-port.js';
import { startChild } from './child-process.js';
import { benchVenvBin } from './python-bench-env.js';

const START_TIMEOUT_MS = 120_000;
const POLL_INTERVAL_MS = 500;
/** A local-only credential for the proxy's admin key; it never leaves the loopback. */
const MASTER_KEY = 'sk-bench-local-master-key';

/** A running LiteLLM proxy. */
export interface LiteLlmProxy {
  /** Base URL; Anthropic-format calls go to `${url}/v1/messages`. */
  readonly url: string;
  readonly apiKey: string;
  stop(): Promise<void>;
}

/**
 * The proxy's configuration: one model routed to the emulator with the hosted
 * key, priced like Anthropic's list price so LiteLLM computes a cost per call
 * as the gateway does. No `database_url`: see probePrisma for why.
 */
function proxyConfig(emulatorUrl: string, model: string): string {
  return [
    'model_list:',
    `  - model_name: ${model}`,
    '    litellm_params:',
    `      model: anthropic/${model}`,
    `      api_base: ${emulatorUrl}`,
    '      api_key: os.environ/BENCH_ANTHROPIC_API_KEY',
    '      max_retries: 0',
    '    model_info:',
    '      input_cost_per_token: 0.000005',
    '      output_cost_per_token: 0.000025',
    'general_settings:',
    `  master_key: ${MASTER_KEY}`,
    '',
  ].join('\n');
}

/** Starts `litellm --config …` with one uvicorn worker, its default, and waits until it answers. */
export async function startLiteLlmProxy(input: {
  emulatorUrl: string;
  anthropicApiKey: string;
  model: string;
}): Promise<LiteLlmProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-litellm-'));
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, proxyConfig(input.emulatorUrl, input.model));
  const port = await findFreePort();

  const child = startChild({
    command: benchVenvBin('litellm'),
    args: ['--config', configFile, '--host', '127.0.0.1', '--port', String(port)],
    env: {
      ...process.env,
      BENCH_ANTHROPIC_API_KEY: input.anthropicApiKey,
      // The model price list ships in the package; never fetch it.
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
  };

  if (!(await waitUntilLive(url))) {
    await stop();
    throw new Error(`LiteLLM did not answer within ${START_TIMEOUT_MS} ms:\n${child.stderrTail()}`);
  }
  return { url, apiKey: MASTER_KEY, stop };
}

async function waitUntilLive(url: string): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const live = await fetch(`${url}/health/liveliness`).then(
      async (response) => {
        await response.text();
        return response.ok;
      },
      () => false,
    );
    if (live) return true;
    await sleep(POLL_INTERVAL_MS);
  }
  return false;
}
