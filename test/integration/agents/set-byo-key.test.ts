import { beforeAll, describe, expect, it } from 'vitest';
import { hintOf, newAnthropicKey } from '../../support/anthropic-keys.js';
import type { ApiResponse } from '../../support/fixtures.js';
import { localStack } from '../../support/local-api.js';
import { byoPatch, responseText } from './helpers/agents-api.js';
import { freshAgent, freshByoAgent } from './helpers/byo-agent.js';
import { callsWith, registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import {
  agentItem,
  agentSecrets,
  describeSecret,
  secretExists,
  secretValue,
  vaultKmsKeyId,
} from './helpers/moto.js';

const local = useLocalAgentsApi();

describe('the product page request that puts an agent on its own key', () => {
  let apiKey: string;
  let seeded: Awaited<ReturnType<typeof freshAgent>>;
  let response: ApiResponse;

  beforeAll(async () => {
    seeded = await freshAgent();
    apiKey = await registeredKey();

    response = await local.agents.patch(seeded.tokens.OWNER, seeded.agentId, byoPatch(apiKey));
  });

  it('answers 200 with the secret id and the key hint', () => {
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: seeded.agentId,
      llmProvider: 'BYO_ANTHROPIC',
      llmModel: 'claude-opus-4-7',
      byoKeySecretId: expect.stringMatching(/^sec_[0-9a-z]{20}$/),
      byoKeyHint: hintOf(apiKey),
      byoKeyStatus: 'VALID',
      byoKeyValidatedAt: expect.any(String),
      version: 2,
    });
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('carries no plaintext key in its body or headers', () => {
    const text = responseText(response);

    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(apiKey.slice('sk-ant-api03-'.length));
  });

  it('validates the key with exactly one one-token ping on the chosen model', async () => {
    const calls = await callsWith(apiKey);

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/v1/messages',
      status: 200,
      body: { model: 'claude-opus-4-7', max_tokens: 1 },
    });
  });

  it('stores the key in one secret encrypted with the vault key and tagged with its owner', async () => {
    const item = await agentItem(seeded.workspace.id, seeded.agentId);
    const secrets = await agentSecrets(seeded.workspace.id, seeded.agentId);

    const description = await describeSecret(item?.byoKeySecretArn);

    expect(secrets.map((secret) => secret.ARN)).toEqual([item?.byoKeySecretArn]);
    expect(vaultKmsKeyId()).toContain(description.KmsKeyId);
    expect(description.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'workspace-id', Value: seeded.workspace.id },
        { Key: 'agent-id', Value: seeded.agentId },
        { Key: 'kind', Value: 'anthropic-api-key' },
        { Key: 'secret-id', Value: response.body.byoKeySecretId },
      ]),
    );
    expect(description.VersionIdsToStages?.[item?.byoKeySecretVersionId]).toContain('AWSCURRENT');
  });

  it('stores exactly the key that was sent, under the version the agent names', async () => {
    const item = await agentItem(seeded.workspace.id, seeded.agentId);

    const stored = await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId);

    expect(stored).toBe(apiKey);
  });

  it('keeps only references to the key in the agent item', async () => {
    const item = await agentItem(seeded.workspace.id, seeded.agentId);

    expect(item).toMatchObject({
      byoKeySecretId: response.body.byoKeySecretId,
      byoKeyHint: hintOf(apiKey),
      byoKeyFingerprint: expect.stringMatching(/^hmac-sha256:/),
    });
    expect(JSON.stringify(item)).not.toContain(apiKey);
  });

  it('audits the switch with the hint, never the key', async () => {
    const events = await local.agents.auditEvents(seeded.tokens.OWNER, seeded.agentId);

    const updated = events.filter((event) => event.type === 'AGENT_UPDATED');
    expect(updated).toHaveLength(1);
    expect(updated[0]?.changes).toEqual({
      llmProvider: { from: 'HOSTED_ANTHROPIC', to: 'BYO_ANTHROPIC' },
      byoKey: { from: null, to: hintOf(apiKey) },
    });
    expect(JSON.stringify(events)).not.toContain(apiKey);
  });
});

describe('provider and model rules', () => {
  it.each([
    ['alone', {}],
    ['with llmProvider HOSTED_ANTHROPIC', { llmProvider: 'HOSTED_ANTHROPIC' }],
  ])('refuses byoApiKey for a hosted agent (%s) before calling Anthropic', async (_, extra) => {
    const { tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();

    const response = await local.agents.patch(tokens.OWNER, agentId, {
      ...extra,
      byoApiKey: apiKey,
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'byoApiKey', problem: expect.stringContaining('BYO_ANTHROPIC') }],
    });
    expect(await callsWith(apiKey)).toEqual([]);
    expect((await local.agents.get(tokens.OWNER, agentId)).body).toMatchObject({
      llmProvider: 'HOSTED_ANTHROPIC',
      version: 1,
    });
  });

  it('refuses BYO_ANTHROPIC when no key is on record and none is given', async () => {
    const { workspace, tokens, agentId } = await freshAgent();

    const response = await local.agents.patch(tokens.OWNER, agentId, {
      llmProvider: 'BYO_ANTHROPIC',
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'byoApiKey', problem: expect.stringContaining('required') }],
    });
    expect((await local.agents.get(tokens.OWNER, agentId)).body.version).toBe(1);
    expect(await agentSecrets(workspace.id, agentId)).toEqual([]);
  });

  it('refuses a switch to hosted on a model outside the allow-list, listing the allowed models', async () => {
    const byo = await freshByoAgent(local.agents, 'claude-sonnet-4-5');

    const response = await local.agents.patch(byo.token, byo.agentId, {
      llmProvider: 'HOSTED_ANTHROPIC',
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'model_not_allowed',
      model: 'claude-sonnet-4-5',
      allowedModels: localStack().settings.hostedModels,
    });
    const after = await local.agents.get(byo.token, byo.agentId);
    expect(after.body).toMatchObject({ llmProvider: 'BYO_ANTHROPIC', version: byo.agent.version });
    const item = await agentItem(byo.workspace.id, byo.agentId);
    expect(await secretExists(item?.byoKeySecretArn)).toBe(true);
  });

  it('sets a key for a model hosted agents may not use', async () => {
    const { tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();

    const response = await local.agents.patch(
      tokens.OWNER,
      agentId,
      byoPatch(apiKey, 'claude-sonnet-4-5'),
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmProvider: 'BYO_ANTHROPIC',
      llmModel: 'claude-sonnet-4-5',
    });
    expect((await callsWith(apiKey)).map((call) => call.body)).toMatchObject([
      { model: 'claude-sonnet-4-5', max_tokens: 1 },
    ]);
  });

  it('moves a BYO agent to any other claude model', async () => {
    const byo = await freshByoAgent(local.agents);

    const response = await local.agents.patch(byo.token, byo.agentId, {
      llmModel: 'claude-3-5-haiku-20241022',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      llmProvider: 'BYO_ANTHROPIC',
      llmModel: 'claude-3-5-haiku-20241022',
      byoKeyHint: hintOf(byo.apiKey),
    });
  });

  it('refuses a model id that is not an Anthropic one', async () => {
    const { tokens, agentId } = await freshAgent();

    const response = await local.agents.patch(tokens.OWNER, agentId, {
      ...byoPatch(newAnthropicKey()),
      llmModel: 'gpt-4o',
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'llmModel', problem: expect.any(String) }],
    });
  });
});
