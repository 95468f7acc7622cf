import { afterEach, describe, expect, it, vi } from 'vitest';
import { capResetConfig } from '../../../functions/adapters/jobs/cap-reset-config.js';
import { ENV } from '../../../functions/shared/environment.js';

const SWEEP_MIN_SECRET_AGE_ENV = ENV.sweepMinSecretAgeSeconds;

describe('cap reset config', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('waits an hour before sweeping a secret unless told otherwise', () => {
    vi.stubEnv(SWEEP_MIN_SECRET_AGE_ENV, '');

    const config = capResetConfig();

    expect(config.minSecretAgeSeconds).toBe(3600);
  });

  it('reads the vault prefix and the minimum age from the environment', () => {
    vi.stubEnv('VAULT_SECRET_PREFIX', 'acme-vault');
    vi.stubEnv(SWEEP_MIN_SECRET_AGE_ENV, '90');

    const config = capResetConfig();

    expect(config).toEqual({ vaultPrefix: 'acme-vault', minSecretAgeSeconds: 90 });
  });

  it.each(['-1', '1.5', 'an hour'])('refuses a minimum age of %j', (raw) => {
    vi.stubEnv(SWEEP_MIN_SECRET_AGE_ENV, raw);

    expect(() => capResetConfig()).toThrow(SWEEP_MIN_SECRET_AGE_ENV);
  });
});
