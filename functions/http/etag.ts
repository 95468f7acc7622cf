import { ServiceError } from '../shared/errors.js';

/** An agent's ETag: its version, as a strong entity tag. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header pins, if any. `*` pins none; a tag this API
 * never issues can match no version, so it fails the precondition.
 */
export function versionFromIfMatch(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(ifMatch.trim());
  if (!match?.[1]) {
    throw new ServiceError('precondition_failed', 'If-Match names no version of this agent');
  }
  return Number(match[1]);
}
