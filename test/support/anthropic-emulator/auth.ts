import type { IncomingHttpHeaders } from 'node:http';
import { type ApiReply, errorReply } from './errors.js';
import type { KeyEntry, KeyRegistry } from './keys.js';

/** The message the real API sends when a Messages call is refused for lack of credit. */
export const NO_CREDIT_MESSAGE =
  'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.';

/**
 * Reads the API key from `x-api-key` or `Authorization: Bearer`. Both are accepted because SDK
 * 1.x sends `apiKey` and `authToken` as a Bearer token while other clients use `x-api-key`;
 * `x-api-key` wins when both are present, as it names the key explicitly.
 */
export function extractApiKey(headers: IncomingHttpHeaders): string | null {
  const apiKeyHeader = headers['x-api-key'];
  if (typeof apiKeyHeader === 'string' && apiKeyHeader !== '') {
    return apiKeyHeader;
  }

  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim() || null;
}

/** Result of authenticating a request: the key's entry, or the error reply to send. */
export type AuthResult = { ok: true; entry: KeyEntry } | { ok: false; reply: ApiReply };

/**
 * Authenticates a key for any `/v1/*` call: unknown or revoked keys get 401 and `forbidden` keys
 * 403. Credit is not checked here because only inference is billed; listing models still works.
 */
export function authenticate(keys: KeyRegistry, apiKey: string | null): AuthResult {
  if (apiKey === null) {
    return { ok: false, reply: errorReply(401, 'x-api-key header is required') };
  }

  const entry = keys.lookup(apiKey);
  if (!entry || entry.status === 'revoked') {
    return { ok: false, reply: errorReply(401, 'invalid x-api-key') };
  }
  if (entry.status === 'forbidden') {
    return { ok: false, reply: errorReply(403) };
  }

  return { ok: true, entry };
}
