import { randomBytes } from 'node:crypto';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const RANDOM_CHARS = 93;

/**
 * A made-up Anthropic API key in today's format (`sk-ant-api03-`, 93 random
 * characters, `AA`: 108 in all), generated at run time so that no key-shaped
 * string is ever committed. Only the local emulator accepts it, once registered.
 */
export function demoAnthropicKey(): string {
  const bytes = randomBytes(RANDOM_CHARS);
  let body = '';
  for (const byte of bytes) body += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `sk-ant-api03-${body}AA`;
}
