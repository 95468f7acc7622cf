import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_OF_VARIABLE, STACK_OUTPUT } from '../../../scripts/ops/data/stack-outputs.js';
import { NO_BUNDLING, serviceFunctionsOf, synthesize } from '../../cdk/support/synth.js';

/** The stack as `cdk synth` makes it, without bundling the functions. */
function synthesizedStack() {
  const { template } = synthesize(NO_BUNDLING);
  const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
  const functions = serviceFunctionsOf(template) as {
    Properties: { Environment: { Variables: Record<string, unknown> } };
  }[];
  return { outputs, variables: functions[0]!.Properties.Environment.Variables };
}

describe('ops stack outputs', () => {
  let stack: ReturnType<typeof synthesizedStack>;
  beforeAll(() => {
    stack = synthesizedStack();
  });

  it('reads only outputs the stack declares', () => {
    expect(Object.keys(stack.outputs)).toEqual(expect.arrayContaining(Object.values(STACK_OUTPUT)));
  });

  it('takes from each output the value the functions get in its variable', () => {
    for (const [variable, output] of Object.entries(OUTPUT_OF_VARIABLE)) {
      expect(stack.variables[variable]).toBeDefined();
      expect(stack.outputs[output!]?.Value).toEqual(stack.variables[variable]);
    }
  });
});
