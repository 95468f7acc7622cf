import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'mt_';
const TOKEN_BYTES = 32;

/** A new API token: `mt_` and 256 random bits, shown once to its owner and stored only as a hash. */
export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/**
 * The stored form of a token. A plain SHA-256 suffices: the token carries 256
 * random bits, so there is nothing to brute-force and no salt to add.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the text has the shape of a token this service issues. */
export function looksLikeApiToken(text: string): boolean {
  return /^mt_[A-Za-z0-9_-]{40,64}$/.test(text);
}
