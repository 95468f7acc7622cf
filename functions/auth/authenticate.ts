import { ServiceError } from '../shared/errors.js';
import { hashApiToken, looksLikeApiToken } from './api-token.js';
import { hasRole, type Principal, ROLES, type Role } from './principal.js';

/** Finds the holder of a token by the token's hash; the only lookup auth needs. */
export interface TokenLookup {
  findByHash(tokenHash: string): Promise<Principal | undefined>;
}

const unauthorized = () =>
  new ServiceError('unauthorized', 'Send a valid API token as "Authorization: Bearer mt_..."');

function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1] || !looksLikeApiToken(match[1])) throw unauthorized();
  return match[1];
}

/**
 * Resolves the caller from the `Authorization` header. A missing, malformed or
 * unknown token all answer the same 401, so the answer reveals nothing.
 */
export async function authenticate(
  authorization: string | undefined,
  tokens: TokenLookup,
): Promise<Principal> {
  const token = bearerToken(authorization);
  const principal = await tokens.findByHash(hashApiToken(token));
  if (!principal || !ROLES.includes(principal.role)) throw unauthorized();
  return principal;
}

/** Throws 403 unless the caller holds one of the roles. */
export function requireRole(principal: Principal, allowed: readonly Role[], action: string): void {
  if (!hasRole(principal, allowed)) {
    throw new ServiceError('forbidden', `Only ${allowed.join(', ')} may ${action}`, {
      details: { allowedRoles: allowed },
    });
  }
}
