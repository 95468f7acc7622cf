/**
 * What the plaintext canary follows and where it looks: the plan
 * test/integration/security/plaintext-canary.test.ts runs and
 * `npm run security:report` counts.
 */

/** Each canary key, by the part it plays in the scenario. */
export const CANARY_KEYS = {
  first: 'set on a hosted agent, then called with',
  second: 'rotated to, called with, failed upstream, capped, the key left in force',
  refused: 'a rotation Anthropic refuses (unknown key)',
  malformed: 'a rotation to an Admin key, refused before any call',
  inBrokenJson: 'a rotation whose body is not JSON: the parser must not echo it',
  uncommitted: 'a rotation whose commit fails',
  unreachable: 'a rotation Anthropic cannot be asked about',
  revoked: 'set, then revoked upstream: the gateway marks it rejected',
  reverted: 'set, then reverted to hosted: the secret is deleted',
} as const;

export type CanaryKey = keyof typeof CANARY_KEYS;

/** Everywhere a key must not be; the one place it may be is Secrets Manager. */
export const CANARY_SURFACES = [
  'every answer body and header',
  'every log line (and no bearer token in any)',
  'every item of every table',
  'every audit event',
  'the synthesized CloudFormation template',
  "the Anthropic emulator's record, outside the key it authenticates with",
] as const;
