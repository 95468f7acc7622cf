import { beforeAll, describe, expect, it } from 'vitest';
import { hintOf } from '../../support/anthropic-keys.js';
import type { ApiResponse } from '../../support/fixtures.js';
import { byoPatch } from './helpers/agents-api.js';
import { freshByoAgent } from './helpers/byo-agent.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, agentSecrets, secretExists, secretValue } from './helpers/moto.js';

const local = useLocalAgentsApi();

const byoFieldsOf = (body: Record<string, unknown> | undefined) =>
  Object.keys(body ?? {}).filter((field) => field.startsWith('byoKey'));

describe('a revert to the hosted key', () => {
  let byo: Awaited<ReturnType<typeof freshByoAgent>>;
  let secretArn: string;
  let response: ApiResponse;

  beforeAll(async () => {
    byo = await freshByoAgent(local.agents);
    secretArn = (await agentItem(byo.workspace.id, byo.agentId))?.byoKeySecretArn;

    response = await local.agents.patch(byo.token, byo.agentId, {
      llmProvider: 'HOSTED_ANTHROPIC',
    });
  });

  it('answers 200 with a hosted agent and no key fields', () => {
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmProvider: 'HOSTED_ANTHROPIC',
      llmModel: 'claude-opus-4-7',
      version: byo.agent.version + 1,
    });
    expect(byoFieldsOf(response.body)).toEqual([]);
  });

  it('forgets every key reference in the stored agent', async () => {
    const item = await agentItem(byo.workspace.id, byo.agentId);

    expect(item?.llmProvider).toBe('HOSTED_ANTHROPIC');
    expect(byoFieldsOf(item)).toEqual([]);
  });

  it('deletes the secret', async () => {
    expect(await secretExists(secretArn)).toBe(false);
    expect(await agentSecrets(byo.workspace.id, byo.agentId)).toEqual([]);
  });

  it('audits the provider change and the key leaving', async () => {
    const events = await local.agents.auditEvents(byo.token, byo.agentId);

    const latest = events.find((event) => event.type === 'AGENT_UPDATED');
    expect(latest?.changes).toEqual({
      llmProvider: { from: 'BYO_ANTHROPIC', to: 'HOSTED_ANTHROPIC' },
      byoKey: { from: hintOf(byo.apiKey), to: null },
    });
  });

  it('lets a key be set again at once, in a secret of a new name', async () => {
    const apiKey = await registeredKey();

    const again = await local.agents.patch(byo.token, byo.agentId, byoPatch(apiKey));

    expect(again.status).toBe(200);
    expect(again.body.byoKeyHint).toBe(hintOf(apiKey));
    expect(again.body.byoKeySecretId).not.toBe(byo.agent.byoKeySecretId);
    const item = await agentItem(byo.workspace.id, byo.agentId);
    expect(item?.byoKeySecretArn).not.toBe(secretArn);
    expect(await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId)).toBe(apiKey);
    expect(await agentSecrets(byo.workspace.id, byo.agentId)).toHaveLength(1);
  });
});

describe('a revert that changes the model too', () => {
  it('moves a BYO agent on a non-hosted model to a hosted one in one request', async () => {
    const byo = await freshByoAgent(local.agents, 'claude-sonnet-4-5');

    const response = await local.agents.patch(byo.token, byo.agentId, {
      llmProvider: 'HOSTED_ANTHROPIC',
      llmModel: 'claude-haiku-4-5-20251001',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmProvider: 'HOSTED_ANTHROPIC',
      llmModel: 'claude-haiku-4-5-20251001',
    });
    expect(await agentSecrets(byo.workspace.id, byo.agentId)).toEqual([]);
  });
});
