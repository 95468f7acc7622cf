import { DEFAULT_MIN_SECRET_AGE_SECONDS } from '../../domain/jobs/sweep-secrets.js';
import { ENV, integerEnv, optionalEnv } from '../../shared/environment.js';

/** Settings of the daily job, read once at cold start. */
export interface CapResetConfig {
  readonly vaultPrefix: string;
  /** A younger secret may belong to a key change still under way, so the sweep leaves it. */
  readonly minSecretAgeSeconds: number;
}

/** Reads the job's settings; a malformed value fails the cold start, not a night's run. */
export function capResetConfig(): CapResetConfig {
  return {
    // The same default as the writer's, so both see one vault.
    vaultPrefix: optionalEnv(ENV.vaultPrefix, 'workspace-vault'),
    minSecretAgeSeconds: integerEnv(ENV.sweepMinSecretAgeSeconds, DEFAULT_MIN_SECRET_AGE_SECONDS),
  };
}
