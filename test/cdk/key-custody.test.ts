import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  NO_BUNDLING,
  PROD,
  type Synthesized,
  serviceFunctionsOf,
  synthesize,
} from './support/synth.js';

/** Anything shaped like an Anthropic key, or a long opaque token that could be one. */
const KEY_SHAPED = /sk-ant-|^[A-Za-z0-9+/_=-]{40,}$/;
/** Variable names that would say they carry a key or a secret value. */
const SECRET_NAME = /api_?key|secret_?(string|value)|password|token/i;

interface FunctionResource {
  readonly Properties: {
    readonly FunctionName: string;
    readonly Environment: { readonly Variables: Record<string, unknown> };
  };
}

const stages: [string, Synthesized][] = [
  ['dev', synthesize({ ...NO_BUNDLING })],
  ['prod', synthesize({ ...NO_BUNDLING, ...PROD })],
];

describe.each(stages)('key custody in the %s template', (_stage, synthesized) => {
  const { stack, template } = synthesized;
  const json = template.toJSON();
  const functions = serviceFunctionsOf(template) as FunctionResource[];

  it('declares no CloudFormation parameter but the bootstrap version', () => {
    expect(Object.keys(json.Parameters ?? {})).toEqual(['BootstrapVersion']);
  });

  it.each(functions.map((fn) => [fn.Properties.FunctionName, fn] as const))(
    'gives %s no variable named or shaped like a key',
    (_name, fn) => {
      const variables = Object.entries(fn.Properties.Environment.Variables);

      const named = variables.filter(([name]) => SECRET_NAME.test(name)).map(([name]) => name);
      const shaped = variables
        .filter(([, value]) => typeof value === 'string' && KEY_SHAPED.test(value))
        .map(([name]) => name);

      expect(named).toEqual([]);
      expect(shaped).toEqual([]);
    },
  );

  it('passes the hosted key to the functions only as a reference to its secret', () => {
    const secret = stack.getLogicalId(stack.vault.hostedKeySecret as CfnElement);

    for (const fn of functions) {
      expect(fn.Properties.Environment.Variables.HOSTED_KEY_SECRET_ID).toEqual({ Ref: secret });
    }
  });

  it('creates the hosted-key secret without a value, generated or given', () => {
    const [secret] = Object.values(template.findResources('AWS::SecretsManager::Secret'));

    expect(secret?.Properties.SecretString).toBeUndefined();
    expect(secret?.Properties.GenerateSecretString).toBeUndefined();
  });

  it('holds nothing shaped like an Anthropic key anywhere', () => {
    expect(JSON.stringify(json)).not.toMatch(/sk-ant-/i);
  });
});
