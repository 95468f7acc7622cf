import { randomBytes } from 'node:crypto';

const KEY_PREFIX = 'sk-ant-api03-';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const KEY_BODY_CHARS = 95;

/**
 * A made-up Anthropic API key in today's format (`sk-ant-api03-` and 95
 * characters of `[A-Za-z0-9_-]`, 108 in all), new on every call so that no
 * key-shaped string is committed and no two tests share a key.
 */
export function newAnthropicKey(): string {
  let body = '';
  for (const byte of randomBytes(KEY_BODY_CHARS)) body += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `${KEY_PREFIX}${body}`;
}

/** The hint the API shows for a key: `sk-ant-****` and its last four characters. */
export const hintOf = (apiKey: string) => `sk-ant-****${apiKey.slice(-4)}`;

/** A generated key with another prefix, such as an Admin key's `sk-ant-admin01-`. */
export const withPrefix = (prefix: string) =>
  `${prefix}${newAnthropicKey().slice(KEY_PREFIX.length)}`;
