import { randomBytes } from 'node:crypto';
import fc from 'fast-check';

/** Today's key prefix; every key-shaped value is built at run time, never committed. */
export const KEY_PREFIX = 'sk-ant-api03-';
export const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const KEY_BODY_LENGTH = 95;

/** A made-up key in today's 108-character format, different on every call. */
export function newFakeKey(prefix = KEY_PREFIX): string {
  let body = '';
  for (const byte of randomBytes(KEY_BODY_LENGTH)) body += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `${prefix}${body}`;
}

/** A made-up service API token (`mt_…`) of the shape the redactor masks. */
export function newFakeApiToken(): string {
  return `mt_${randomBytes(24).toString('base64url')}`;
}

const keyCharacter = fc.constantFrom(...KEY_ALPHABET);

/** Key bodies of any length the vault would take, drawn from the key alphabet. */
export const keyBodyArbitrary = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: keyCharacter, minLength, maxLength });

/** Keys in today's format, as fast-check values so that failures shrink. */
export const fakeKeyArbitrary: fc.Arbitrary<string> = keyBodyArbitrary(
  KEY_BODY_LENGTH,
  KEY_BODY_LENGTH,
).map((body) => `${KEY_PREFIX}${body}`);
