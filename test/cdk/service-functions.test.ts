import { describe, expect, it } from 'vitest';
import { SERVICE_FUNCTION_IDS } from '../../lib/constructs/service-functions.js';
import { serviceFunctionsOf, synthesize } from './support/synth.js';

const { template } = synthesize();

interface FunctionResource {
  readonly Properties: {
    readonly Runtime: string;
    readonly Architectures: string[];
    readonly Timeout: number;
    readonly Environment: { readonly Variables: Record<string, unknown> };
  };
}

const functions = serviceFunctionsOf(template) as FunctionResource[];

describe('ServiceFunctions', () => {
  it('creates one function per handler', () => {
    expect(functions).toHaveLength(SERVICE_FUNCTION_IDS.length);
  });

  it('runs every function on Node 22, arm64, traced, with JSON logs', () => {
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('keeps every API function under the HTTP API 29 s limit and gives the job 5 minutes', () => {
    const timeoutsSeconds = functions.map((fn) => fn.Properties.Timeout).sort((a, b) => a - b);

    expect(timeoutsSeconds).toEqual([15, 15, 25, 28, 300]);
  });

  it('sets source maps, the Powertools service, the stage and the shared variables', () => {
    for (const fn of functions) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'agent-llm-credentials',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        AGENTS_TABLE_NAME: expect.anything(),
        VAULT_SECRET_PREFIX: 'dev/workspace-vault',
        SERVICE_STAGE: 'dev',
        HOSTED_KEY_SECRET_ID: expect.anything(),
      });
    }
  });

  it('puts nothing that looks like an Anthropic key in any environment', () => {
    const variables = functions.map((fn) => JSON.stringify(fn.Properties.Environment.Variables));

    expect(variables.filter((text) => /sk-ant-/i.test(text))).toEqual([]);
  });

  it('keeps function logs for 30 days by default and drops them with the stack', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Delete',
      Properties: { RetentionInDays: 30 },
    });

    expect(Object.keys(logGroups).length).toBeGreaterThanOrEqual(SERVICE_FUNCTION_IDS.length);
  });
});
