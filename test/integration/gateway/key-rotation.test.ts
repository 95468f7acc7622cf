import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../support/fixtures.js';
import {
  callsCarrying,
  type GatewayHarness,
  messageBody,
  newMarker,
  patchAgent,
  registeredKey,
  sendMessage,
  startGatewayHarness,
  useByoKey,
} from '../../support/gateway-fixtures.js';
import { localStack } from '../../support/local-api.js';

const BACKGROUND_CALLS = 6;

describe('key rotation and revert under traffic', () => {
  let harness: GatewayHarness;
  let agentId: string;
  let firstKey: string;

  const call = (marker: string): Promise<ApiResponse> =>
    sendMessage(harness.url, harness.workspace.tokens.MEMBER, agentId, messageBody(marker));

  /** Starts calls without waiting, so they are in flight while the agent changes. */
  const startBackgroundCalls = () => {
    const markers = Array.from({ length: BACKGROUND_CALLS }, newMarker);
    return { markers, done: Promise.all(markers.map(call)) };
  };

  /** The key each marked call reached Anthropic with, in the markers' order. */
  const keysUsedBy = async (markers: readonly string[]) =>
    Promise.all(markers.map(async (marker) => (await callsCarrying(marker)).map((c) => c.apiKey)));

  beforeAll(async () => {
    harness = await startGatewayHarness();
    agentId = harness.workspace.agentIds[0]!;
    firstKey = await registeredKey();
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, agentId, firstKey);
    expect((await call(newMarker())).status).toBe(200);
  });
  afterAll(() => harness.stop());

  it('uses the new key from the very next call once a rotation returns', async () => {
    const newKey = await registeredKey();
    const background = startBackgroundCalls();

    const rotated = await useByoKey(harness.url, harness.workspace.tokens.OWNER, agentId, newKey);
    const next = newMarker();
    const response = await call(next);

    expect(rotated.body.byoKeyHint).toBe(`sk-ant-****${newKey.slice(-4)}`);
    expect(response.status).toBe(200);
    expect((await callsCarrying(next)).map((c) => c.apiKey)).toEqual([newKey]);
    const inFlight = await background.done;
    expect(inFlight.map((r) => r.status)).toEqual(Array(BACKGROUND_CALLS).fill(200));
    for (const keys of await keysUsedBy(background.markers)) {
      expect(keys).toHaveLength(1);
      expect([firstKey, newKey]).toContain(keys[0]);
    }
  });

  it('never uses the replaced key again after a rotation', async () => {
    const replacement = await registeredKey();
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, agentId, replacement);
    const markers = Array.from({ length: 4 }, newMarker);

    const statuses = [];
    for (const marker of markers) statuses.push((await call(marker)).status);

    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(await keysUsedBy(markers)).toEqual(markers.map(() => [replacement]));
  });

  it('uses the hosted key from the very next call once a revert to hosted returns', async () => {
    const background = startBackgroundCalls();

    const reverted = await patchAgent(harness.url, harness.workspace.tokens.OWNER, agentId, {
      llmProvider: 'HOSTED_ANTHROPIC',
    });
    const next = newMarker();
    const response = await call(next);

    expect(reverted.status).toBe(200);
    expect(reverted.body).not.toHaveProperty('byoKeyHint');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-credential-source')).toBe('hosted');
    expect((await callsCarrying(next)).map((c) => c.apiKey)).toEqual([localStack().hostedApiKey]);
    const inFlight = await background.done;
    expect(inFlight.map((r) => r.status)).toEqual(Array(BACKGROUND_CALLS).fill(200));
  });

  it('uses a newly set key from the very next call once the agent goes back to BYO', async () => {
    const key = await registeredKey();
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, agentId, key);
    const next = newMarker();

    const response = await call(next);

    expect(response.status).toBe(200);
    expect(response.headers.get('x-credential-source')).toBe('byo');
    expect((await callsCarrying(next)).map((c) => c.apiKey)).toEqual([key]);
  });
});
