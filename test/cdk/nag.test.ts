import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_BUNDLING, PROD, synthesize } from './support/synth.js';

interface Violation {
  readonly ruleName: string;
  readonly severity: string;
  readonly reason?: string;
  readonly acknowledgedAt?: string;
}

interface PluginReport {
  readonly pluginName: string;
  readonly violations: Violation[];
  readonly suppressedViolations?: Violation[];
}

/** The validation report CDK writes into the cloud assembly after running the plugins. */
function nagReport(context: Record<string, unknown>): PluginReport {
  const { app } = synthesize({ ...NO_BUNDLING, ...context });
  const path = join(app.outdir, 'validation-report.json');
  const report: { pluginReports: PluginReport[] } = JSON.parse(readFileSync(path, 'utf8'));
  const awsSolutions = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
  if (!awsSolutions) throw new Error('cdk-nag did not run: no AwsSolutions report');
  return awsSolutions;
}

describe.each([
  ['prod', PROD],
  ['dev', {}],
])('cdk-nag AwsSolutions checks on %s', (stage, context) => {
  const report = nagReport(context);
  const acknowledged = report.suppressedViolations ?? [];

  it('leaves no finding unacknowledged, error or warning', () => {
    expect(
      report.violations.map((violation) => `${violation.severity} ${violation.ruleName}`),
    ).toEqual([]);
  });

  it('gives every acknowledgement a reason of its own', () => {
    for (const violation of acknowledged) {
      expect(violation.reason?.length, violation.ruleName).toBeGreaterThan(80);
    }
  });

  it('acknowledges on the construct concerned, never on the whole stack or app', () => {
    for (const violation of acknowledged) {
      expect(violation.acknowledgedAt).toMatch(new RegExp(`^AgentLlmCredentials-${stage}/.+`));
    }
  });

  it('acknowledges exactly the findings the stack is known to accept', () => {
    const rules = new Set(acknowledged.map((violation) => violation.ruleName.replace(/\[.*/, '')));

    expect([...rules].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
  });
});
