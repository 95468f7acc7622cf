import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callsCarrying,
  emulator,
  type GatewayHarness,
  messageBody,
  newMarker,
  registeredKey,
  sendMessage,
  startGatewayHarness,
  useByoKey,
} from '../../support/gateway-fixtures.js';
import { localStack } from '../../support/local-api.js';

describe('gateway credentials', () => {
  let harness: GatewayHarness;
  let hostedAgentId: string;
  let byoAgentId: string;
  let revokedAgentId: string;
  let byoKey: string;

  beforeAll(async () => {
    harness = await startGatewayHarness(3);
    [hostedAgentId, byoAgentId, revokedAgentId] = harness.workspace.agentIds as [
      string,
      string,
      string,
    ];
    byoKey = await registeredKey();
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, byoAgentId, byoKey);
  });
  afterAll(() => harness.stop());

  it('sends a hosted agent call to Anthropic with the hosted key', async () => {
    const marker = newMarker();

    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens.MEMBER,
      hostedAgentId,
      messageBody(marker),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('x-credential-source')).toBe('hosted');
    const calls = await callsCarrying(marker);
    expect(calls.map((call) => call.apiKey)).toEqual([localStack().hostedApiKey]);
  });

  it("sends a BYO agent call to Anthropic with the agent's own key", async () => {
    const marker = newMarker();

    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens.MEMBER,
      byoAgentId,
      messageBody(marker),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('x-credential-source')).toBe('byo');
    const calls = await callsCarrying(marker);
    expect(calls.map((call) => call.apiKey)).toEqual([byoKey]);
  });

  it('returns the message Anthropic answered unchanged', async () => {
    const marker = newMarker();

    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens.MEMBER,
      byoAgentId,
      messageBody(marker),
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-4-7',
      content: [{ type: 'text', text: expect.any(String) }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: expect.objectContaining({ input_tokens: expect.any(Number), output_tokens: 12 }),
    });
  });

  it('never retries a BYO call on the hosted key when Anthropic is unavailable', async () => {
    const marker = newMarker();
    await emulator().injectFault({ kind: 'status', status: 529, match: { apiKey: byoKey } });

    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens.MEMBER,
      byoAgentId,
      messageBody(marker),
    );

    expect(response.status).toBe(503);
    expect(response.headers.get('x-credential-source')).toBe('byo');
    const calls = await callsCarrying(marker);
    expect(calls.map((call) => call.apiKey)).toEqual([byoKey]);
  });

  it('never falls back to the hosted key when Anthropic refuses the BYO key', async () => {
    const owner = harness.workspace.tokens.OWNER;
    const revokedKey = await registeredKey();
    await useByoKey(harness.url, owner, revokedAgentId, revokedKey);
    await emulator().registerKey(revokedKey, { status: 'revoked' });
    const first = newMarker();
    const second = newMarker();

    const refused = await sendMessage(harness.url, owner, revokedAgentId, messageBody(first));
    const failedFast = await sendMessage(harness.url, owner, revokedAgentId, messageBody(second));

    expect([refused.status, failedFast.status]).toEqual([409, 409]);
    expect(refused.body.error.code).toBe('byo_key_invalid');
    expect(failedFast.body.error.code).toBe('byo_key_invalid');
    expect(failedFast.headers.get('x-credential-source')).toBe('byo');
    expect((await callsCarrying(first)).map((call) => call.apiKey)).toEqual([revokedKey]);
    expect(await callsCarrying(second)).toEqual([]);
  });
});
