import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultEffect } from '../../support/anthropic-emulator/index.js';
import {
  agentCallsWithKey,
  dayCounterItem,
  emulator,
  type GatewayHarness,
  messageBody,
  newMarker,
  registeredKey,
  reservationsIn,
  sendMessage,
  spendOf,
  startGatewayHarness,
  today,
  useByoKey,
} from '../../support/gateway-fixtures.js';

/** Short enough for a `timeout` fault to end quickly; set before the gateway module loads. */
const ANTHROPIC_TIMEOUT_MS = '1500';

interface FailureCase {
  readonly name: string;
  readonly fault: FaultEffect;
  readonly status: number;
  readonly code: string;
  /** The Retry-After the answer must carry, when Anthropic named one. */
  readonly retryAfter?: string;
}

const CASES: readonly FailureCase[] = [
  {
    name: 'a 429',
    fault: { kind: 'status', status: 429, retryAfterSeconds: 7 },
    status: 429,
    code: 'anthropic_rate_limited',
    retryAfter: '7',
  },
  {
    name: 'a 529 overload',
    fault: { kind: 'status', status: 529 },
    status: 503,
    code: 'anthropic_unavailable',
  },
  {
    name: 'a 500',
    fault: { kind: 'status', status: 500 },
    status: 503,
    code: 'anthropic_unavailable',
  },
  {
    name: 'a 503 naming its Retry-After',
    fault: { kind: 'status', status: 503, retryAfterSeconds: 30 },
    status: 503,
    code: 'anthropic_unavailable',
    retryAfter: '30',
  },
  { name: 'a timeout', fault: { kind: 'timeout' }, status: 503, code: 'anthropic_unavailable' },
  {
    name: 'a connection reset',
    fault: { kind: 'reset' },
    status: 503,
    code: 'anthropic_unavailable',
  },
  {
    name: 'a malformed body',
    fault: { kind: 'malformed' },
    status: 503,
    code: 'anthropic_unavailable',
  },
];

describe('upstream failures', () => {
  let harness: GatewayHarness;
  let agentId: string;
  let byoKey: string;

  const call = () =>
    sendMessage(harness.url, harness.workspace.tokens.MEMBER, agentId, messageBody(newMarker()));
  const spend = async () =>
    (await spendOf(harness.url, harness.workspace.tokens.MEMBER, agentId)).body;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    process.env.ANTHROPIC_TIMEOUT_MS = ANTHROPIC_TIMEOUT_MS;
    agentId = harness.workspace.agentIds[0]!;
    byoKey = await registeredKey();
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, agentId, byoKey);
    expect((await call()).status).toBe(200);
  });
  afterAll(() => harness.stop());

  describe.each(CASES)('on $name', (failure) => {
    let response: Awaited<ReturnType<typeof call>>;
    let spendBefore: Record<string, unknown>;
    let anthropicCallsBefore: number;

    beforeAll(async () => {
      spendBefore = await spend();
      anthropicCallsBefore = (await agentCallsWithKey(byoKey)).length;
      await emulator().injectFault({ ...failure.fault, match: { apiKey: byoKey } });

      response = await call();
    });

    it(`answers ${failure.status} ${failure.code} with Retry-After`, () => {
      expect(response.status).toBe(failure.status);
      expect(response.body.error).toMatchObject({
        code: failure.code,
        requestId: expect.any(String),
      });
      const retryAfter = response.headers.get('retry-after');
      expect(Number(retryAfter)).toBeGreaterThan(0);
      if (failure.retryAfter) expect(retryAfter).toBe(failure.retryAfter);
    });

    it('asks Anthropic once, without retrying', async () => {
      expect(await agentCallsWithKey(byoKey)).toHaveLength(anthropicCallsBefore + 1);
    });

    it('releases the reservation and settles nothing', async () => {
      const after = await spend();
      const item = await dayCounterItem(agentId, today());

      expect(after).toMatchObject({
        reservedCents: 0,
        spentCents: spendBefore.spentCents,
        calls: spendBefore.calls,
        tokens: spendBefore.tokens,
      });
      expect(Number(item?.reservedMicroCents)).toBe(0);
      expect(Number(item?.committedMicroCents)).toBe(Number(item?.spentMicroCents));
      expect(reservationsIn(item)).toEqual([]);
    });

    it('serves the next call once Anthropic answers again', async () => {
      const next = await call();

      expect(next.status).toBe(200);
    });
  });

  it("passes Anthropic's refusal of a request on as 400 and settles nothing", async () => {
    const spendBefore = await spend();
    await emulator().injectFault({
      kind: 'status',
      status: 400,
      message: 'messages.0: unexpected block type',
      match: { apiKey: byoKey },
    });

    const response = await call();

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('anthropic_invalid_request');
    expect(response.body.error.message).toContain('messages.0: unexpected block type');
    expect(await spend()).toMatchObject({
      reservedCents: 0,
      spentCents: spendBefore.spentCents,
      calls: spendBefore.calls,
    });
  });
});
