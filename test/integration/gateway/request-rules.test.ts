import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestWorkspace } from '../../support/fixtures.js';
import {
  callsCarrying,
  type GatewayHarness,
  messageBody,
  newMarker,
  registeredKey,
  sendMessage,
  startGatewayHarness,
  useByoKey,
} from '../../support/gateway-fixtures.js';

describe('gateway request rules', () => {
  let harness: GatewayHarness;
  let hostedAgentId: string;
  let byoAgentId: string;
  let member: string;

  beforeAll(async () => {
    harness = await startGatewayHarness(2);
    [hostedAgentId, byoAgentId] = harness.workspace.agentIds as [string, string];
    member = harness.workspace.tokens.MEMBER;
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, byoAgentId, await registeredKey());
  });
  afterAll(() => harness.stop());

  describe('models', () => {
    it.each(['claude-opus-4-7', 'claude-haiku-4-5-20251001'])(
      'lets a hosted agent call the allowed model %s',
      async (model) => {
        const marker = newMarker();

        const response = await sendMessage(
          harness.url,
          member,
          hostedAgentId,
          messageBody(marker, { model }),
        );

        expect(response.status).toBe(200);
        expect(response.body.model).toBe(model);
        expect((await callsCarrying(marker)).map((call) => call.body)).toMatchObject([{ model }]);
      },
    );

    it('refuses a hosted agent a model outside the allow-list without calling Anthropic', async () => {
      const marker = newMarker();

      const response = await sendMessage(
        harness.url,
        member,
        hostedAgentId,
        messageBody(marker, { model: 'claude-sonnet-4-6' }),
      );

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'model_not_allowed',
        model: 'claude-sonnet-4-6',
        allowedModels: ['claude-opus-4-7', 'claude-haiku-4-5-20251001'],
      });
      expect(await callsCarrying(marker)).toEqual([]);
    });

    it("sends the agent's own model when the body names none", async () => {
      const marker = newMarker();

      const response = await sendMessage(harness.url, member, hostedAgentId, messageBody(marker));

      expect(response.status).toBe(200);
      expect((await callsCarrying(marker)).map((call) => call.body)).toMatchObject([
        { model: 'claude-opus-4-7' },
      ]);
    });

    it.each(['claude-sonnet-4-6', 'claude-3-5-haiku-20241022'])(
      'lets a BYO agent call %s, outside the hosted allow-list',
      async (model) => {
        const marker = newMarker();

        const response = await sendMessage(
          harness.url,
          member,
          byoAgentId,
          messageBody(marker, { model }),
        );

        expect(response.status).toBe(200);
        expect(response.headers.get('x-credential-source')).toBe('byo');
        expect((await callsCarrying(marker)).map((call) => call.body)).toMatchObject([{ model }]);
      },
    );

    it.each([
      ['a BYO', 'byo'],
      ['a hosted', 'hosted'],
    ])('refuses %s agent a model that is not a Claude model id', async (_, kind) => {
      const marker = newMarker();
      const agentId = kind === 'byo' ? byoAgentId : hostedAgentId;

      const response = await sendMessage(
        harness.url,
        member,
        agentId,
        messageBody(marker, { model: 'gpt-4o' }),
      );

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(await callsCarrying(marker)).toEqual([]);
    });

    it('answers 422 model_not_available when Anthropic does not offer the model to the BYO key', async () => {
      const marker = newMarker();

      const response = await sendMessage(
        harness.url,
        member,
        byoAgentId,
        messageBody(marker, { model: 'claude-unreleased-9' }),
      );

      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('model_not_available');
    });
  });

  it('refuses stream: true with 400 streaming_not_supported without calling Anthropic', async () => {
    const marker = newMarker();

    const response = await sendMessage(
      harness.url,
      member,
      hostedAgentId,
      messageBody(marker, { stream: true }),
    );

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('streaming_not_supported');
    expect(await callsCarrying(marker)).toEqual([]);
  });

  it.each(['OWNER', 'ADMIN', 'MEMBER'] as const)('lets an %s make agent calls', async (role) => {
    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens[role],
      hostedAgentId,
      messageBody(newMarker()),
    );

    expect(response.status).toBe(200);
  });

  it('refuses a VIEWER with 403 without calling Anthropic', async () => {
    const marker = newMarker();

    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens.VIEWER,
      hostedAgentId,
      messageBody(marker),
    );

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(await callsCarrying(marker)).toEqual([]);
  });

  it("answers 404 for another workspace's agent without calling Anthropic", async () => {
    const other = await seedTestWorkspace({ roles: ['OWNER'] });
    const marker = newMarker();

    const response = await sendMessage(
      harness.url,
      other.tokens.OWNER,
      hostedAgentId,
      messageBody(marker),
    );

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
    expect(await callsCarrying(marker)).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const response = await sendMessage(harness.url, '', hostedAgentId, messageBody(newMarker()));

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('refuses a body without messages with 400 validation_failed', async () => {
    const response = await sendMessage(harness.url, member, hostedAgentId, {
      max_tokens: 10,
      messages: [],
    });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });
});
