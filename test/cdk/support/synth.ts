import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { configFromContext } from '../../../bin/context.js';
import { addServiceStack } from '../../../lib/service-app.js';
import type { ServiceStack } from '../../../lib/service-stack.js';

export interface Synthesized {
  readonly app: App;
  readonly stack: ServiceStack;
  readonly template: Template;
}

/** The context of cdk.json (feature flags included), so tests see what `cdk synth` sees. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8'));
  return cdkJson.context ?? {};
}

/** Context that skips bundling the functions: for tests that read the template only. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** Context of a prod synth, which needs someone to notify. */
export const PROD = { stage: 'prod', alarmEmails: 'oncall@example.com' };

const synthesized = new Map<string, Synthesized>();

/**
 * Builds the app as bin/app.ts does, with extra context on top, and
 * synthesizes it, once per context: the CDK project runs its files in one
 * worker without isolation, so they share each template instead of bundling
 * the functions again and again.
 */
export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const key = JSON.stringify(context);
  const cached = synthesized.get(key);
  if (cached) return cached;

  const app = new App({ context: { ...cdkJsonContext(), ...context } });
  const stack = addServiceStack(app, configFromContext(app.node));
  const result = { app, stack, template: Template.fromStack(stack) };
  synthesized.set(key, result);
  return result;
}

/**
 * The service's own functions, by their stage-prefixed names. CDK adds
 * functions of its own (the web deployment's), which the service's
 * defaults and assertions do not cover.
 */
export function serviceFunctionsOf(template: Template): { Properties: Record<string, unknown> }[] {
  const all = Object.values(template.findResources('AWS::Lambda::Function')) as {
    Properties: Record<string, unknown>;
  }[];
  return all.filter((fn) => /-agent-llm-/.test(String(fn.Properties.FunctionName ?? '')));
}
