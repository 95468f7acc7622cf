import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new random identifier such as `agt_3k9x…`: a readable kind prefix and 100
 * random bits in lowercase Crockford base32, safe in URLs, secret names and keys.
 */
export function newId(prefix: 'ws' | 'usr' | 'agt' | 'evt' | 'sec' | 'req' | 'cal'): string {
  const bytes = randomBytes(20);
  let body = '';
  for (const byte of bytes) body += ALPHABET[byte % 32];
  return `${prefix}_${body}`;
}

/** Identifiers this service issues: a short prefix, an underscore and base32 characters. */
export const ID_PATTERN = /^[a-z]{2,3}_[0-9a-z]{20}$/;
