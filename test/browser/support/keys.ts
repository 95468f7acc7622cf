import { randomBytes } from 'node:crypto';
import { EmulatorAdmin, type KeyOptions } from '../../support/anthropic-emulator/index.js';
import { localStack } from '../../support/local-api.js';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A made-up Anthropic API key in today's format (`sk-ant-api03-` and 95
 * characters, 108 in all), new on every call so no key-shaped string is
 * committed and no two tests share one.
 */
export function newAnthropicKey(): string {
  let body = '';
  for (const byte of randomBytes(95)) body += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `sk-ant-api03-${body}`;
}

/** The hint the API shows for a key. */
export const hintOf = (apiKey: string) => `sk-ant-****${apiKey.slice(-4)}`;

/** The shared Anthropic emulator, driven over its admin API. */
export const emulator = () => new EmulatorAdmin(localStack().anthropicUrl);

/** A new key the emulator accepts (or refuses, as `options.status` says). */
export async function registeredKey(options: KeyOptions = {}): Promise<string> {
  const apiKey = newAnthropicKey();
  await emulator().registerKey(apiKey, options);
  return apiKey;
}
