import {
  type CallRecord,
  EmulatorAdmin,
  type KeyOptions,
} from '../../../support/anthropic-emulator/index.js';
import { newAnthropicKey } from '../../../support/anthropic-keys.js';
import { localStack } from '../../../support/local-api.js';

/** The shared Anthropic emulator, driven over its admin API. */
export const emulator = () => new EmulatorAdmin(localStack().anthropicUrl);

/** A new key the emulator knows, active and allowed every catalogue model unless told otherwise. */
export async function registeredKey(options: KeyOptions = {}): Promise<string> {
  const apiKey = newAnthropicKey();
  await emulator().registerKey(apiKey, options);
  return apiKey;
}

/**
 * The calls the emulator received with this key. Keys are unique per test,
 * so test files running at the same time never see each other's calls.
 */
export async function callsWith(apiKey: string): Promise<CallRecord[]> {
  const calls = await emulator().calls();
  return calls.filter((call) => call.apiKey === apiKey);
}
