import { describe, expect, it } from 'vitest';
import type { FaultSpec, KeyOptions } from '../../support/anthropic-emulator/index.js';
import { hintOf, newAnthropicKey, withPrefix } from '../../support/anthropic-keys.js';
import { type AgentsApi, byoPatch, responseText } from './helpers/agents-api.js';
import { freshAgent } from './helpers/byo-agent.js';
import { callsWith, emulator, registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, agentSecrets, secretValue } from './helpers/moto.js';

const local = useLocalAgentsApi();

/** A fresh hosted agent and what the API shows of it before the test touches it. */
async function hostedAgent(agents: AgentsApi) {
  const { workspace, tokens, agentId } = await freshAgent();
  const before = await agents.get(tokens.OWNER, agentId);
  return { workspaceId: workspace.id, token: tokens.OWNER, agentId, before: before.body };
}

type HostedAgent = Awaited<ReturnType<typeof hostedAgent>>;

/** Asserts that the agent is as it was and that no secret was made for it. */
async function expectNothingChanged(agent: HostedAgent) {
  const after = await local.agents.get(agent.token, agent.agentId);
  expect(after.body).toEqual(agent.before);
  expect(await agentSecrets(agent.workspaceId, agent.agentId)).toEqual([]);
}

async function validationFailures(agent: HostedAgent) {
  const events = await local.agents.auditEvents(agent.token, agent.agentId);
  return events.filter((event) => event.type === 'BYO_KEY_VALIDATION_FAILED');
}

interface Refusal {
  readonly answer: string;
  /** How the emulator knows the key; undefined leaves it unknown. */
  readonly key?: KeyOptions;
  readonly code: string;
  readonly reason: string;
}

const REFUSALS: readonly Refusal[] = [
  { answer: '401 for an unknown key', code: 'byo_key_invalid', reason: 'invalid' },
  {
    answer: '401 for a revoked key',
    key: { status: 'revoked' },
    code: 'byo_key_invalid',
    reason: 'invalid',
  },
  {
    answer: '403',
    key: { status: 'forbidden' },
    code: 'byo_key_forbidden',
    reason: 'forbidden',
  },
  {
    answer: '404 for a model the key may not use',
    key: { models: ['claude-haiku-4-5'] },
    code: 'model_not_available',
    reason: 'model_not_available',
  },
  {
    answer: '400 for an account without credit',
    key: { status: 'no_credit' },
    code: 'byo_key_no_credit',
    reason: 'no_credit',
  },
];

describe('a key Anthropic refuses', () => {
  it.each(REFUSALS)('answers $answer with 422 $code and changes nothing', async (refusal) => {
    const agent = await hostedAgent(local.agents);
    const apiKey = refusal.key ? await registeredKey(refusal.key) : newAnthropicKey();

    const response = await local.agents.patch(agent.token, agent.agentId, byoPatch(apiKey));

    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: refusal.code, reason: refusal.reason });
    expect(responseText(response)).not.toContain(apiKey);
    expect(await callsWith(apiKey)).toHaveLength(1);
    await expectNothingChanged(agent);
  });

  it.each(REFUSALS)('audits $answer once, by hint and reason', async (refusal) => {
    const agent = await hostedAgent(local.agents);
    const apiKey = refusal.key ? await registeredKey(refusal.key) : newAnthropicKey();

    await local.agents.patch(agent.token, agent.agentId, byoPatch(apiKey));

    const failures = await validationFailures(agent);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.details).toEqual({
      keyHint: hintOf(apiKey),
      reason: refusal.reason,
      model: 'claude-opus-4-7',
    });
    expect(JSON.stringify(failures)).not.toContain(apiKey);
  });
});

const UNAVAILABLE: readonly { answer: string; fault: FaultSpec }[] = [
  { answer: '500', fault: { kind: 'status', status: 500 } },
  { answer: '529', fault: { kind: 'status', status: 529 } },
  { answer: 'a reset connection', fault: { kind: 'reset' } },
  { answer: 'no answer within the ping timeout', fault: { kind: 'timeout' } },
];

describe('an Anthropic that cannot judge the key', () => {
  it.each(UNAVAILABLE)(
    'answers $answer with 503 anthropic_unavailable and Retry-After, changing nothing',
    async ({ fault }) => {
      const agent = await hostedAgent(local.agents);
      const apiKey = await registeredKey();
      await emulator().injectFault({ ...fault, match: { apiKey } });

      const response = await local.agents.patch(agent.token, agent.agentId, byoPatch(apiKey));

      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({ code: 'anthropic_unavailable' });
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await callsWith(apiKey)).toHaveLength(1);
      expect(await validationFailures(agent)).toEqual([]);
      await expectNothingChanged(agent);
    },
  );

  it('accepts a key Anthropic answers with 429, since it authenticated', async () => {
    const agent = await hostedAgent(local.agents);
    const apiKey = await registeredKey();
    await emulator().injectFault({ kind: 'status', status: 429, match: { apiKey } });

    const response = await local.agents.patch(agent.token, agent.agentId, byoPatch(apiKey));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmProvider: 'BYO_ANTHROPIC',
      byoKeyHint: hintOf(apiKey),
    });
    expect((await callsWith(apiKey)).map((call) => call.status)).toEqual([429]);
  });
});

/** Strings that cannot be a usable key, each built at run time from a fresh key. */
const MALFORMED: readonly { kind: string; make: () => string }[] = [
  { kind: 'a key of another vendor', make: () => withPrefix('sk-proj-') },
  { kind: 'an Admin API key', make: () => withPrefix('sk-ant-admin01-') },
  { kind: 'a Claude Code OAuth token', make: () => withPrefix('sk-ant-oat01-') },
  { kind: 'a key with a character keys never have', make: () => `${newAnthropicKey()}!` },
  { kind: 'a key with a space inside', make: () => newAnthropicKey().replace(/(.{40})/, '$1 ') },
  { kind: 'a key with a non-ASCII letter', make: () => newAnthropicKey().replace(/.$/, 'é') },
  { kind: 'a key cut short', make: () => newAnthropicKey().slice(0, 30) },
  { kind: 'a key of 300 characters', make: () => newAnthropicKey().repeat(3).slice(0, 300) },
  { kind: 'a key of 5000 characters', make: () => newAnthropicKey().repeat(50).slice(0, 5000) },
];

describe('a string that cannot be a key', () => {
  it.each(MALFORMED)(
    'refuses $kind with 400 byo_key_malformed before any call to Anthropic',
    async ({ make }) => {
      const agent = await hostedAgent(local.agents);
      const candidate = make();

      const response = await local.agents.patch(agent.token, agent.agentId, byoPatch(candidate));

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'byo_key_malformed',
        fields: [{ field: 'byoApiKey', problem: expect.any(String) }],
      });
      expect(responseText(response)).not.toContain(candidate);
      expect(await callsWith(candidate)).toEqual([]);
      expect(await validationFailures(agent)).toEqual([]);
      await expectNothingChanged(agent);
    },
  );

  it('trims whitespace around a pasted key and stores the key alone', async () => {
    const agent = await hostedAgent(local.agents);
    const apiKey = await registeredKey();

    const response = await local.agents.patch(
      agent.token,
      agent.agentId,
      byoPatch(` \n\t${apiKey} \r\n`),
    );

    expect(response.status).toBe(200);
    expect(response.body.byoKeyHint).toBe(hintOf(apiKey));
    expect(await callsWith(apiKey)).toHaveLength(1);
    const item = await agentItem(agent.workspaceId, agent.agentId);
    expect(await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId)).toBe(apiKey);
  });
});
