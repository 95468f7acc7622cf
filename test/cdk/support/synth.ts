import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { configFromContext } from '../../../bin/context.js';
import { ServiceStack } from '../../../lib/service-stack.js';

export interface Synthesized {
  readonly stack: ServiceStack;
  readonly template: Template;
}

/** The context of cdk.json (feature flags included), so tests see what `cdk synth` sees. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8'));
  return cdkJson.context ?? {};
}

/** Builds the stack as bin/app.ts does, with extra context on top, and synthesizes it. */
export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const app = new App({ context: { ...cdkJsonContext(), ...context } });
  const stack = new ServiceStack(app, 'AgentLlmCredentials', configFromContext(app.node));
  return { stack, template: Template.fromStack(stack) };
}
