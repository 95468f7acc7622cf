import { EmulatorAdmin, type KeyOptions } from '../../support/anthropic-emulator/index.js';
import { hintOf, newAnthropicKey } from '../../support/anthropic-keys.js';
import { localStack } from '../../support/local-api.js';

export { hintOf, newAnthropicKey };

/** The shared Anthropic emulator, driven over its admin API. */
export const emulator = () => new EmulatorAdmin(localStack().anthropicUrl);

/** A new key the emulator accepts (or refuses, as `options.status` says). */
export async function registeredKey(options: KeyOptions = {}): Promise<string> {
  const apiKey = newAnthropicKey();
  await emulator().registerKey(apiKey, options);
  return apiKey;
}
