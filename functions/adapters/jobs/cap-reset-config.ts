import { DEFAULT_MIN_SECRET_AGE_SECONDS } from '../../domain/jobs/sweep-secrets.js';
import { ENV, optionalEnv } from '../../shared/environment.js';

/**
 * Minimum age of a secret before the sweep may delete it. Not in `ENV` yet
 * (that list is shared with the stack); tests lower it to seconds.
 */
export const SWEEP_MIN_SECRET_AGE_ENV = 'SWEEP_MIN_SECRET_AGE_SECONDS';

/** Settings of the daily job, read once at cold start. */
export interface CapResetConfig {
  readonly vaultPrefix: string;
  readonly minSecretAgeSeconds: number;
}

/** Reads the job's settings; a malformed minimum age fails the cold start, not a night's run. */
export function capResetConfig(): CapResetConfig {
  return {
    // The same default as the writer's, so both see one vault.
    vaultPrefix: optionalEnv(ENV.vaultPrefix, 'workspace-vault'),
    minSecretAgeSeconds: minSecretAgeSeconds(process.env[SWEEP_MIN_SECRET_AGE_ENV]),
  };
}

function minSecretAgeSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_MIN_SECRET_AGE_SECONDS;
  const seconds = Number(raw);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new Error(`Environment variable ${SWEEP_MIN_SECRET_AGE_ENV} must be a whole number`);
  }
  return seconds;
}
