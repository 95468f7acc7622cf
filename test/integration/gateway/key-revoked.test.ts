import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../support/fixtures.js';
import {
  agentCallsWithKey,
  auditEventsOfType,
  callsCarrying,
  emulator,
  type GatewayHarness,
  messageBody,
  newMarker,
  registeredKey,
  sendMessage,
  spendOf,
  startGatewayHarness,
  useByoKey,
} from '../../support/gateway-fixtures.js';

describe('BYO key revoked upstream', () => {
  let harness: GatewayHarness;
  let agentId: string;
  let burstAgentId: string;
  let raceAgentId: string;
  let otherAgentId: string;
  let noCreditAgentId: string;
  let revokedKey: string;
  let owner: string;

  const call = (id = agentId, marker = newMarker()) =>
    sendMessage(harness.url, harness.workspace.tokens.MEMBER, id, messageBody(marker));
  const agentView = async (id = agentId) => (await api(`${harness.url}/agents/${id}`, owner)).body;

  beforeAll(async () => {
    harness = await startGatewayHarness(5);
    [agentId, burstAgentId, raceAgentId, otherAgentId, noCreditAgentId] = harness.workspace
      .agentIds as [string, string, string, string, string];
    owner = harness.workspace.tokens.OWNER;
    revokedKey = await registeredKey();
    await useByoKey(harness.url, owner, agentId, revokedKey);
    expect((await call()).status).toBe(200);
    await emulator().registerKey(revokedKey, { status: 'revoked' });
  });
  afterAll(() => harness.stop());

  it('answers 409 byo_key_invalid when Anthropic refuses the key', async () => {
    const marker = newMarker();

    const response = await call(agentId, marker);

    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'byo_key_invalid',
      requestId: expect.any(String),
    });
    expect(response.headers.get('x-credential-source')).toBe('byo');
    expect((await callsCarrying(marker)).map((c) => [c.apiKey, c.status])).toEqual([
      [revokedKey, 401],
    ]);
  });

  it('shows the agent with byoKeyStatus REJECTED', async () => {
    const agent = await agentView();

    expect(agent).toMatchObject({
      llmProvider: 'BYO_ANTHROPIC',
      byoKeyStatus: 'REJECTED',
      byoKeyHint: `sk-ant-****${revokedKey.slice(-4)}`,
    });
  });

  it('writes one BYO_KEY_REJECTED audit event naming the key by its hint only', async () => {
    const events = await auditEventsOfType(harness.url, owner, agentId, 'BYO_KEY_REJECTED');

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { kind: 'system', component: 'gateway' },
      details: { keyHint: `sk-ant-****${revokedKey.slice(-4)}` },
    });
    expect(JSON.stringify(events)).not.toContain(revokedKey);
  });

  it('fails fast with 409 afterwards without calling Anthropic', async () => {
    const before = await agentCallsWithKey(revokedKey);
    const marker = newMarker();

    const response = await call(agentId, marker);

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('byo_key_invalid');
    expect(await agentCallsWithKey(revokedKey)).toHaveLength(before.length);
    expect(await callsCarrying(marker)).toEqual([]);
  });

  it('holds no reservation and counts no call for the refused calls', async () => {
    const spend = await spendOf(harness.url, harness.workspace.tokens.MEMBER, agentId);

    expect(spend.body).toMatchObject({ reservedCents: 0, calls: 1 });
  });

  it('writes the event once when several calls are refused at the same time', async () => {
    const key = await registeredKey();
    await useByoKey(harness.url, owner, burstAgentId, key);
    await emulator().registerKey(key, { status: 'revoked' });

    const responses = await Promise.all(Array.from({ length: 5 }, () => call(burstAgentId)));

    expect(responses.map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
    const events = await auditEventsOfType(harness.url, owner, burstAgentId, 'BYO_KEY_REJECTED');
    expect(events).toHaveLength(1);
  });

  it('works again with the new key once a new key is saved', async () => {
    const newKey = await registeredKey();
    const marker = newMarker();

    const saved = await useByoKey(harness.url, owner, agentId, newKey);
    const response = await call(agentId, marker);

    expect(saved.body.byoKeyStatus).toBe('VALID');
    expect(response.status).toBe(200);
    expect((await callsCarrying(marker)).map((c) => c.apiKey)).toEqual([newKey]);
    expect(await agentView()).toMatchObject({ byoKeyStatus: 'VALID' });
  });

  it('treats a key Anthropic forbids (403) as rejected too', async () => {
    const key = await registeredKey();
    await useByoKey(harness.url, owner, otherAgentId, key);
    await emulator().registerKey(key, { status: 'forbidden' });

    const response = await call(otherAgentId);

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('byo_key_invalid');
    expect(await agentView(otherAgentId)).toMatchObject({ byoKeyStatus: 'REJECTED' });
  });

  it('keeps the key VALID when the account only lacks credit', async () => {
    const key = await registeredKey();
    await useByoKey(harness.url, owner, noCreditAgentId, key);
    await emulator().registerKey(key, { status: 'no_credit' });

    const response = await call(noCreditAgentId);

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('byo_key_no_credit');
    expect(await agentView(noCreditAgentId)).toMatchObject({ byoKeyStatus: 'VALID' });
  });

  it('never marks a key saved while a call with the old key was in flight', async () => {
    const oldKey = await registeredKey();
    const newKey = await registeredKey();
    await useByoKey(harness.url, owner, raceAgentId, oldKey);
    expect((await call(raceAgentId)).status).toBe(200);
    // The emulator records the call, then holds it long enough for the new key to be saved.
    await emulator().injectFault({ kind: 'delay', latencyMs: 3000, match: { apiKey: oldKey } });
    const marker = newMarker();
    const inFlight = call(raceAgentId, marker);
    await until(async () => (await callsCarrying(marker)).length === 1);
    await emulator().registerKey(oldKey, { status: 'revoked' });

    await useByoKey(harness.url, owner, raceAgentId, newKey);
    const refused = await inFlight;
    const next = newMarker();
    const afterwards = await call(raceAgentId, next);

    expect(refused.status).toBe(409);
    expect(await agentView(raceAgentId)).toMatchObject({
      byoKeyStatus: 'VALID',
      byoKeyHint: `sk-ant-****${newKey.slice(-4)}`,
    });
    expect(await auditEventsOfType(harness.url, owner, raceAgentId, 'BYO_KEY_REJECTED')).toEqual(
      [],
    );
    expect(afterwards.status).toBe(200);
    expect((await callsCarrying(next)).map((c) => c.apiKey)).toEqual([newKey]);
  });
});

/** Polls until the condition holds; the test's own timeout bounds the wait. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}
