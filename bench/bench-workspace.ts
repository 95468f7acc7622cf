import { demoAnthropicKey } from '../scripts/local/demo-keys.js';
import { type SeededWorkspace, seedWorkspace } from '../scripts/local/seed.js';
import type { BenchStack } from './bench-stack.js';
import { expectStatus, invokeQuietly } from './in-process-api.js';

/** A workspace with an OWNER (key changes) and a MEMBER (agent calls), as agents call in production. */
export type BenchWorkspace = SeededWorkspace<'OWNER' | 'MEMBER'>;

/** High enough that no bench run meets a cap: the caps' cost is in the reserve, met or not. */
const BENCH_CAP_CENTS = 10_000_000;

/** Seeds a workspace of hosted agents straight into the tables, as the local stack does. */
export function seedBenchWorkspace(stack: BenchStack, name: string, agents: number) {
  const settings = { ...stack.settings, defaultDailySpendCapCents: BENCH_CAP_CENTS };
  return seedWorkspace({ name, roles: ['OWNER', 'MEMBER'] as const, agents, settings });
}

/** A new key in today's format, registered as active in the emulator. */
export async function newActiveKey(stack: BenchStack): Promise<string> {
  const key = demoAnthropicKey();
  await stack.emulator.admin.registerKey(key);
  return key;
}

/** Sets or rotates an agent's BYO key through the real write handler. */
export async function saveByoKey(workspace: BenchWorkspace, agentId: string, key: string) {
  const result = await invokeQuietly({
    method: 'PATCH',
    path: `/api/v1/agents/${agentId}`,
    token: workspace.tokens.OWNER,
    body: { llmProvider: 'BYO_ANTHROPIC', byoApiKey: key },
  });
  return expectStatus(result, 200, 'saving a BYO key');
}

/** The small Messages request every latency and cost figure is measured with. */
export function messageBody(model?: string) {
  return {
    ...(model ? { model } : {}),
    max_tokens: 64,
    messages: [{ role: 'user', content: 'Say hello in five words.' }],
  };
}
