import { EmulatorAdmin } from '../../../support/anthropic-emulator/admin-client.js';
import { hintOf, newAnthropicKey } from '../../../support/anthropic-keys.js';
import { localStack } from '../../../support/local-api.js';

/**
 * A made-up key in today's shape (`sk-ant-api03-` and 95 characters),
 * made at run time so that no key-shaped string is committed, and
 * registered in the shared Anthropic emulator so the service accepts it.
 */
export async function registeredKey(): Promise<string> {
  const apiKey = newAnthropicKey();
  await new EmulatorAdmin(localStack().anthropicUrl).registerKey(apiKey);
  return apiKey;
}

export { hintOf };

/**
 * Pieces of a key that must never be printed: the whole key, and its first
 * and last 40 characters (the hint's four are public, the 36 before are not).
 */
export const plaintextPiecesOf = (apiKey: string) => [
  apiKey,
  apiKey.slice(0, 40),
  apiKey.slice(-40),
];
