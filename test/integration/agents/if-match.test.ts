import { describe, expect, it } from 'vitest';
import { byoPatch } from './helpers/agents-api.js';
import { freshAgent, freshByoAgent } from './helpers/byo-agent.js';
import { callsWith, registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, agentSecrets, versionStages } from './helpers/moto.js';

const local = useLocalAgentsApi();

describe('If-Match on PATCH /agents/{id}', () => {
  it('applies a change made to the version the client read', async () => {
    const { tokens, agentId } = await freshAgent();
    const read = await local.agents.get(tokens.OWNER, agentId);

    const response = await local.agents.patch(
      tokens.OWNER,
      agentId,
      { name: 'Renamed once' },
      { 'if-match': read.headers.get('etag') ?? '' },
    );

    expect(read.headers.get('etag')).toBe('"1"');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Renamed once', version: 2 });
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('refuses a change made to a stale version with 412 and changes nothing', async () => {
    const { tokens, agentId } = await freshAgent();
    const stale = (await local.agents.get(tokens.OWNER, agentId)).headers.get('etag') ?? '';
    await local.agents.patch(tokens.OWNER, agentId, { name: 'Renamed by someone else' });
    const current = await local.agents.get(tokens.OWNER, agentId);

    const response = await local.agents.patch(
      tokens.OWNER,
      agentId,
      { dailySpendCapCents: 1 },
      { 'if-match': stale },
    );

    expect(response.status).toBe(412);
    expect(response.body.error).toMatchObject({ code: 'precondition_failed', currentVersion: 2 });
    expect((await local.agents.get(tokens.OWNER, agentId)).body).toEqual(current.body);
  });

  it.each(['"not-a-version"', 'W/"x"', '"99"'])(
    'refuses an If-Match of %s with 412',
    async (ifMatch) => {
      const { tokens, agentId } = await freshAgent();

      const response = await local.agents.patch(
        tokens.OWNER,
        agentId,
        { name: 'Renamed' },
        { 'if-match': ifMatch },
      );

      expect(response.status).toBe(412);
      expect(response.body.error.code).toBe('precondition_failed');
    },
  );

  it('refuses a first key on a stale version before validating or storing it', async () => {
    const { workspace, tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();

    const response = await local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey), {
      'if-match': '"7"',
    });

    expect(response.status).toBe(412);
    expect(await callsWith(apiKey)).toEqual([]);
    expect(await agentSecrets(workspace.id, agentId)).toEqual([]);
  });

  it('refuses a rotation on a stale version and leaves the key in force', async () => {
    const byo = await freshByoAgent(local.agents);
    const itemBefore = await agentItem(byo.workspace.id, byo.agentId);
    const stagesBefore = await versionStages(itemBefore?.byoKeySecretArn);
    const newKey = await registeredKey();

    const response = await local.agents.patch(
      byo.token,
      byo.agentId,
      { byoApiKey: newKey },
      { 'if-match': `"${byo.agent.version - 1}"` },
    );

    expect(response.status).toBe(412);
    expect(await callsWith(newKey)).toEqual([]);
    expect(await agentItem(byo.workspace.id, byo.agentId)).toEqual(itemBefore);
    expect(await versionStages(itemBefore?.byoKeySecretArn)).toEqual(stagesBefore);
  });

  it('rotates a key on the version the client read', async () => {
    const byo = await freshByoAgent(local.agents);
    const newKey = await registeredKey();

    const response = await local.agents.patch(
      byo.token,
      byo.agentId,
      { byoApiKey: newKey },
      { 'if-match': `"${byo.agent.version}"` },
    );

    expect(response.status).toBe(200);
    expect(response.body.version).toBe(byo.agent.version + 1);
  });
});
