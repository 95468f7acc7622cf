import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { configFromContext } from '../../bin/context.js';
import { DEFAULT_SETTINGS } from '../../lib/definitions/settings.js';

function configWith(context: Record<string, unknown>) {
  return configFromContext(new App({ context }).node);
}

describe('configFromContext', () => {
  it('uses the shared defaults when no context is given', () => {
    const config = configWith({});

    expect(config.settings).toEqual(DEFAULT_SETTINGS);
    expect(config.logRetentionDays).toBe(RetentionDays.ONE_MONTH);
  });

  it('reads overrides given on the command line as strings', () => {
    const config = configWith({
      vaultPrefix: 'tenant-a/vault',
      hostedModels: 'claude-haiku-4-5-20251001, claude-opus-4-7',
      defaultDailySpendCapCents: '2500',
      logRetentionDays: '90',
    });

    expect(config.settings.vaultPrefix).toBe('tenant-a/vault');
    expect(config.settings.hostedModels).toEqual(['claude-haiku-4-5-20251001', 'claude-opus-4-7']);
    expect(config.settings.defaultDailySpendCapCents).toBe(2500);
    expect(config.logRetentionDays).toBe(RetentionDays.THREE_MONTHS);
  });

  it('accepts numbers and arrays from cdk.json', () => {
    const config = configWith({ defaultDailySpendCapCents: 0, hostedModels: ['claude-opus-4-7'] });

    expect(config.settings.defaultDailySpendCapCents).toBe(0);
    expect(config.settings.hostedModels).toEqual(['claude-opus-4-7']);
  });

  it.each([
    ['defaultDailySpendCapCents', '12.5'],
    ['defaultDailySpendCapCents', '-1'],
    ['defaultDailySpendCapCents', 'ten'],
    ['defaultDailySpendCapCents', 1.5],
    ['logRetentionDays', '31'],
    ['hostedModels', 'gpt-4o'],
    ['hostedModels', ''],
    ['vaultPrefix', 'vault/*'],
    ['vaultPrefix', 'vault/'],
    ['vaultPrefix', ''],
  ])('rejects %s = %j naming the key', (key, value) => {
    const read = () => configWith({ [key]: value });

    expect(read).toThrow(new RegExp(`Context value ${key} must be`));
  });

  it('rejects a vault prefix that would contain the hosted-key secret', () => {
    const read = () => configWith({ vaultPrefix: 'platform' });

    expect(read).toThrow(/would contain the hosted key secret/);
  });
});
