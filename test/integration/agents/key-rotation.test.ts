import { beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../support/anthropic-emulator/index.js';
import { hintOf, newAnthropicKey } from '../../support/anthropic-keys.js';
import type { ApiResponse } from '../../support/fixtures.js';
import { freshByoAgent } from './helpers/byo-agent.js';
import { callsWith, emulator, registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, agentSecrets, secretValue, versionStages } from './helpers/moto.js';

const local = useLocalAgentsApi();

describe('a rotation to a new valid key', () => {
  let byo: Awaited<ReturnType<typeof freshByoAgent>>;
  let itemBefore: Record<string, unknown> | undefined;
  let newKey: string;
  let response: ApiResponse;

  beforeAll(async () => {
    byo = await freshByoAgent(local.agents);
    itemBefore = await agentItem(byo.workspace.id, byo.agentId);
    newKey = await registeredKey();

    response = await local.agents.patch(byo.token, byo.agentId, { byoApiKey: newKey });
  });

  it('answers 200 with the same secret id and the new hint', () => {
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmProvider: 'BYO_ANTHROPIC',
      byoKeySecretId: byo.agent.byoKeySecretId,
      byoKeyHint: hintOf(newKey),
      version: byo.agent.version + 1,
    });
  });

  it('validates the new key with one ping on the agent model', async () => {
    const calls = await callsWith(newKey);

    expect(calls.map((call) => call.body)).toMatchObject([
      { model: 'claude-opus-4-7', max_tokens: 1 },
    ]);
  });

  it('stores the new key as a new current version of the same secret', async () => {
    const item = await agentItem(byo.workspace.id, byo.agentId);

    const stages = await versionStages(item?.byoKeySecretArn);

    expect(item?.byoKeySecretArn).toBe(itemBefore?.byoKeySecretArn);
    expect(item?.byoKeySecretVersionId).not.toBe(itemBefore?.byoKeySecretVersionId);
    expect(stages[item?.byoKeySecretVersionId]).toContain('AWSCURRENT');
    expect(stages[itemBefore?.byoKeySecretVersionId as string]).not.toContain('AWSCURRENT');
    expect(await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId)).toBe(newKey);
    expect(await agentSecrets(byo.workspace.id, byo.agentId)).toHaveLength(1);
  });

  it('fingerprints the new key', async () => {
    const item = await agentItem(byo.workspace.id, byo.agentId);

    expect(item?.byoKeyFingerprint).toMatch(/^hmac-sha256:/);
    expect(item?.byoKeyFingerprint).not.toBe(itemBefore?.byoKeyFingerprint);
  });

  it('audits the swap from the old hint to the new one', async () => {
    const events = await local.agents.auditEvents(byo.token, byo.agentId);

    const latest = events.find((event) => event.type === 'AGENT_UPDATED');
    expect(latest?.changes).toEqual({
      byoKey: { from: hintOf(byo.apiKey), to: hintOf(newKey) },
    });
    expect(JSON.stringify(events)).not.toContain(newKey);
  });
});

describe('a rotation that changes the model too', () => {
  it('validates the new key on the new model', async () => {
    const byo = await freshByoAgent(local.agents);
    const newKey = await registeredKey();

    const response = await local.agents.patch(byo.token, byo.agentId, {
      llmModel: 'claude-sonnet-4-6',
      byoApiKey: newKey,
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmModel: 'claude-sonnet-4-6',
      byoKeyHint: hintOf(newKey),
    });
    expect((await callsWith(newKey)).map((call) => call.body)).toMatchObject([
      { model: 'claude-sonnet-4-6', max_tokens: 1 },
    ]);
  });
});

const FAILED_VALIDATIONS: readonly {
  case: string;
  fault?: FaultSpec;
  status: number;
  code: string;
}[] = [
  { case: 'Anthropic refuses the new key', status: 422, code: 'byo_key_invalid' },
  {
    case: 'Anthropic cannot be reached',
    fault: { kind: 'status', status: 529 },
    status: 503,
    code: 'anthropic_unavailable',
  },
];

describe('a rotation whose validation fails', () => {
  it.each(FAILED_VALIDATIONS)(
    'keeps the old key in force when $case',
    async ({ fault, status, code }) => {
      const byo = await freshByoAgent(local.agents);
      const itemBefore = await agentItem(byo.workspace.id, byo.agentId);
      const stagesBefore = await versionStages(itemBefore?.byoKeySecretArn);
      const newKey = fault ? await registeredKey() : newAnthropicKey();
      if (fault) await emulator().injectFault({ ...fault, match: { apiKey: newKey } });

      const response = await local.agents.patch(byo.token, byo.agentId, { byoApiKey: newKey });

      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      const after = await local.agents.get(byo.token, byo.agentId);
      expect(after.body).toEqual(byo.agent);
      expect(await agentItem(byo.workspace.id, byo.agentId)).toEqual(itemBefore);
      expect(await versionStages(itemBefore?.byoKeySecretArn)).toEqual(stagesBefore);
    },
  );
});
