import { ENV } from '../../functions/shared/environment.js';
import { startAnthropicEmulator } from '../../test/support/anthropic-emulator/index.js';

/** Where the functions send Anthropic calls, and how to stop it if we started it. */
export interface AnthropicEndpoint {
  readonly url: string;
  /** True when the emulator runs in this process; false for an external `ANTHROPIC_BASE_URL`. */
  readonly emulated: boolean;
  stop(): Promise<void>;
}

/**
 * Uses `ANTHROPIC_BASE_URL` when it is set (a real account or an emulator run
 * elsewhere), or starts the Anthropic emulator in this process and registers
 * the given keys as active, so the hosted key and the demo BYO key both work.
 */
export async function startAnthropic(keys: readonly string[]): Promise<AnthropicEndpoint> {
  const external = process.env[ENV.anthropicBaseUrl];
  if (external) return { url: external, emulated: false, stop: async () => {} };

  const emulator = await startAnthropicEmulator({ host: '127.0.0.1' });
  for (const key of keys) emulator.registerKey(key);
  return { url: emulator.url, emulated: true, stop: () => emulator.stop() };
}
