import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../functions/shared/environment.js';
import { TABLES } from '../../../lib/definitions/tables.js';
import { NO_BUNDLING, synthesize } from '../../cdk/support/synth.js';
import { CANARY_KEYS, type CanaryKey } from '../../security/canary-plan.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import {
  emulator,
  messageBody,
  newAnthropicKey,
  newMarker,
  registeredKey,
} from '../../support/gateway-fixtures.js';
import { localStack } from '../../support/local-api.js';
import { byoPatch } from '../agents/helpers/agents-api.js';
import { agentItem, scanTable, secretExists, secretValue } from '../agents/helpers/moto.js';
import { injectAimedFault } from './support/aimed-faults.js';
import { useSecurityApi } from './support/security-api.js';
import { useShiftedDay } from './support/shifted-day.js';

const clock = useShiftedDay(1996);
// One workspace validates most canary keys within a minute: room above the default limit.
const api = useSecurityApi({ environment: { [ENV.validationsPerMinute]: '30' } });

/**
 * What would give a key away: the key, its body without the prefix, any
 * quarter of the body, and its base64. Only the last four characters are
 * public (they make the hint), so none of these may appear anywhere.
 */
function fragmentsOf(apiKey: string): string[] {
  const body = apiKey.replace(/^sk-ant-[a-z0-9]+-/, '');
  const quarter = Math.floor(body.length / 4);
  const quarters = [0, 1, 2, 3].map((index) => body.slice(index * quarter, (index + 1) * quarter));
  return [apiKey, body, ...quarters, Buffer.from(apiKey).toString('base64')];
}

const leaksIn = (text: string, canaries: readonly string[]) =>
  canaries.flatMap(fragmentsOf).filter((fragment) => text.includes(fragment));

/** Every key the scenario uses, the platform's own included. */
const canaries: string[] = [];
/** The tokens of the scenario's callers. */
const tokens: string[] = [];

describe('the plaintext canary across every feature', () => {
  let workspace: Awaited<ReturnType<typeof seedTestWorkspace>>;
  let byoAgent: string;
  let revokedAgent: string;
  let steps: Record<string, number>;
  let finalKey: string;
  let revertedSecretArn: string;

  const send = (token: string, path: string, body?: unknown, method = body ? 'PATCH' : 'GET') =>
    api.client.send(path, { method, token, body });
  const call = (token: string, agentId: string) =>
    send(token, `/agents/${agentId}/messages`, messageBody(newMarker()), 'POST');

  beforeAll(async () => {
    workspace = await seedTestWorkspace({ agents: 3 });
    tokens.push(...Object.values(workspace.tokens));
    const [byo, hosted, revoked] = workspace.agentIds as [string, string, string];
    [byoAgent, revokedAgent] = [byo, revoked];
    const { OWNER: owner, MEMBER: member } = workspace.tokens;
    const agent = `/agents/${byo}`;
    const keys = {} as Record<CanaryKey, string>;
    for (const name of Object.keys(CANARY_KEYS) as CanaryKey[]) {
      keys[name] = name === 'refused' ? newAnthropicKey() : await registeredKey();
    }
    keys.malformed = `sk-ant-admin01-${newAnthropicKey().slice('sk-ant-api03-'.length)}`;
    finalKey = keys.second;
    canaries.push(...Object.values(keys), localStack().hostedApiKey);
    steps = {};
    const step = async (name: string, answer: Promise<{ status: number }>) => {
      steps[name] = (await answer).status;
    };

    await step('set', send(owner, agent, byoPatch(keys.first)));
    await step('BYO call', call(member, byo));
    await step('rotate', send(owner, agent, { byoApiKey: keys.second }));
    await step('call after rotation', call(member, byo));
    await step('rotate to a refused key', send(owner, agent, { byoApiKey: keys.refused }));
    await step('rotate to a malformed key', send(owner, agent, { byoApiKey: keys.malformed }));
    await step(
      'rotate in broken JSON',
      api.client.send(agent, {
        method: 'PATCH',
        token: owner,
        body: `{"byoApiKey": "${keys.inBrokenJson}"`,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const commitFault = injectAimedFault(api.local.awsClients.dynamoDb, {
      command: 'TransactWriteItems',
      where: () => true,
      error: { name: 'InternalServerError', httpStatusCode: 500 },
    });
    await step('rotation not committed', send(owner, agent, { byoApiKey: keys.uncommitted }));
    commitFault.remove();
    await emulator().injectFault({
      kind: 'status',
      status: 529,
      match: { apiKey: keys.unreachable },
    });
    await step('rotation not validated', send(owner, agent, { byoApiKey: keys.unreachable }));
    await emulator().injectFault({ kind: 'status', status: 500, match: { apiKey: keys.second } });
    await step('BYO call failing upstream', call(member, byo));
    await step('hosted call', call(member, hosted));
    await step('set a key', send(owner, `/agents/${revoked}`, byoPatch(keys.revoked)));
    await emulator().registerKey(keys.revoked, { status: 'revoked' });
    await step('call on a revoked key', call(member, revoked));
    await step('lower the cap', send(owner, agent, { dailySpendCapCents: 1 }));
    await step('call over the cap', call(member, byo));
    expect(await clock.runDailyJob()).toMatchObject({ capResets: 1 });
    await step('set a key to revert', send(owner, `/agents/${hosted}`, byoPatch(keys.reverted)));
    revertedSecretArn = (await agentItem(workspace.id, hosted))?.byoKeySecretArn;
    await step('revert', send(owner, `/agents/${hosted}`, { llmProvider: 'HOSTED_ANTHROPIC' }));
    for (const [role, token] of Object.entries(workspace.tokens)) {
      await step(`${role} lists`, send(token, '/agents'));
      await step(`${role} reads`, send(token, agent));
      await step(`${role} reads spend`, send(token, `${agent}/spend`));
    }
    await step('audit', send(owner, `${agent}/audit-events?limit=100`));
    await step('usage', send(owner, '/usage'));
  }, 60_000);

  it('runs every step to its expected answer', () => {
    const reads = Object.fromEntries(
      Object.keys(steps)
        .filter((name) => / (lists|reads|reads spend)$|^(audit|usage)$/.test(name))
        .map((name) => [name, 200]),
    );
    expect(steps).toEqual({
      set: 200,
      'BYO call': 200,
      rotate: 200,
      'call after rotation': 200,
      'rotate to a refused key': 422,
      'rotate to a malformed key': 400,
      'rotate in broken JSON': 400,
      'rotation not committed': 503,
      'rotation not validated': 503,
      'BYO call failing upstream': 503,
      'hosted call': 200,
      'set a key': 200,
      'call on a revoked key': 409,
      'lower the cap': 200,
      'call over the cap': 429,
      'set a key to revert': 200,
      revert: 200,
      ...reads,
    });
  });

  it('finds no canary in any answer body or header', () => {
    const text = api.client.exchanges
      .map((exchange) => `${JSON.stringify(exchange.headers)}\n${exchange.text}`)
      .join('\n');

    expect(text).toContain('sk-ant-****');
    expect(leaksIn(text, canaries)).toEqual([]);
  });

  it('finds no canary and no bearer token in any log line', () => {
    const text = api.local.logs.lines().join('\n');

    expect(text).toContain('agent call settled');
    expect(text).toContain('cap reset finished');
    expect(leaksIn(text, canaries)).toEqual([]);
    for (const token of tokens) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.slice('mt_'.length));
    }
  });

  it.each(TABLES.map((table) => [table.id, table] as const))(
    'finds no canary in any item of the %s table',
    async (_, table) => {
      const items = JSON.stringify(await scanTable(table));

      expect(items).toContain(byoAgent);
      expect(leaksIn(items, canaries)).toEqual([]);
    },
  );

  it('finds no canary in any audit event, whoever wrote it', async () => {
    const pages = [byoAgent, revokedAgent].map((agentId) =>
      send(workspace.tokens.OWNER, `/agents/${agentId}/audit-events?limit=100`),
    );
    const text = JSON.stringify((await Promise.all(pages)).map((page) => page.body.events));

    for (const type of [
      'AGENT_UPDATED',
      'BYO_KEY_VALIDATION_FAILED',
      'BYO_KEY_REJECTED',
      'SPEND_CAP_REACHED',
      'SPEND_CAP_RESET',
    ]) {
      expect(text).toContain(type);
    }
    expect(leaksIn(text, canaries)).toEqual([]);
  });

  it("finds each key in Anthropic's records only where it authenticates the call", async () => {
    const records = await emulator().calls();
    const elsewhere = JSON.stringify(records.map(({ apiKey: _key, ...rest }) => rest));

    expect(records.some((record) => record.apiKey === finalKey)).toBe(true);
    expect(leaksIn(elsewhere, canaries)).toEqual([]);
  });

  it('finds the key in force in Secrets Manager, and the reverted one deleted', async () => {
    const item = await agentItem(workspace.id, byoAgent);

    expect(await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId)).toBe(finalKey);
    expect(revertedSecretArn).toEqual(expect.any(String));
    expect(await secretExists(revertedSecretArn)).toBe(false);
  });

  it('finds no canary in the synthesized template, even with keys in the environment', () => {
    const variables = ['HOSTED_ANTHROPIC_API_KEY', 'ANTHROPIC_API_KEY'] as const;
    variables.forEach((name, index) => {
      process.env[name] = canaries[index];
    });
    try {
      const text = JSON.stringify(synthesize({ ...NO_BUNDLING }).template.toJSON());

      expect(text).toContain('AWS::SecretsManager::Secret');
      expect(leaksIn(text, canaries)).toEqual([]);
      expect(text).not.toMatch(/sk-ant-[A-Za-z0-9_-]{8,}/);
    } finally {
      for (const name of variables) delete process.env[name];
    }
  }, 60_000);
});
