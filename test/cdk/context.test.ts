import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { configFromContext } from '../../bin/context.js';
import { DEFAULT_SETTINGS } from '../../lib/definitions/settings.js';

function configWith(context: Record<string, unknown>) {
  return configFromContext(new App({ context }).node);
}

describe('configFromContext', () => {
  it('builds the dev stage from the shared defaults when no context is given', () => {
    const config = configWith({});

    expect(config.stage).toBe('dev');
    expect(config.settings).toEqual({
      ...DEFAULT_SETTINGS,
      vaultPrefix: 'dev/workspace-vault',
      hostedKeySecretName: 'dev/platform/anthropic/hosted-api-key',
    });
    expect(config.logRetentionDays).toBe(RetentionDays.ONE_MONTH);
    expect(config.alarmEmails).toEqual([]);
  });

  it('prefixes the vault and hosted-key secret with the stage; prod keeps logs a year', () => {
    const config = configWith({ stage: 'prod', alarmEmails: 'oncall@example.com' });

    expect(config.stage).toBe('prod');
    expect(config.settings.vaultPrefix).toBe('prod/workspace-vault');
    expect(config.settings.hostedKeySecretName).toBe('prod/platform/anthropic/hosted-api-key');
    expect(config.logRetentionDays).toBe(RetentionDays.ONE_YEAR);
  });

  it('reads alarm emails as a comma list or an array', () => {
    const fromCli = configWith({ stage: 'prod', alarmEmails: ' a@example.com, b@example.org ' });
    const fromJson = configWith({ stage: 'prod', alarmEmails: ['a@example.com'] });

    expect(fromCli.alarmEmails).toEqual(['a@example.com', 'b@example.org']);
    expect(fromJson.alarmEmails).toEqual(['a@example.com']);
  });

  it('requires an alarm email in prod, saying why', () => {
    const read = () => configWith({ stage: 'prod' });

    expect(read).toThrow(/alarmEmails is required for stage prod/);
  });

  it('accepts dev without alarm emails and ignores any given: dev alarms have no actions', () => {
    const config = configWith({ stage: 'dev', alarmEmails: 'oncall@example.com' });

    expect(config.alarmEmails).toEqual([]);
  });

  it('lets logRetentionDays override the stage default', () => {
    const config = configWith({
      stage: 'prod',
      alarmEmails: 'a@example.com',
      logRetentionDays: 90,
    });

    expect(config.logRetentionDays).toBe(RetentionDays.THREE_MONTHS);
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
    ['stage', 'staging'],
    ['stage', 'PROD'],
    ['stage', ''],
    ['alarmEmails', 'not-an-address'],
    ['alarmEmails', 'a@example.com;b@example.com'],
  ])('rejects %s = %j naming the key', (key, value) => {
    const read = () => configWith({ [key]: value });

    expect(read).toThrow(new RegExp(`Context value ${key} must be`));
  });

  it('rejects a vault prefix that would contain the hosted-key secret', () => {
    const read = () => configWith({ vaultPrefix: 'dev/platform' });

    expect(read).toThrow(/would contain the hosted key secret/);
  });
});
