import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_ITEM_TTL_SECONDS } from '../../../functions/adapters/dynamodb/spend-items.js';
import type { ApiResponse } from '../../support/fixtures.js';
import {
  auditEventsOfType,
  callsCarrying,
  dayCounterItem,
  type GatewayHarness,
  messageBody,
  newMarker,
  patchAgent,
  sendMessage,
  spendOf,
  startGatewayHarness,
  today,
} from '../../support/gateway-fixtures.js';

describe('daily spend cap changed mid-day', () => {
  let harness: GatewayHarness;
  let agentId: string;
  let idleAgentId: string;

  const setCap = async (dailySpendCapCents: number) => {
    const response = await patchAgent(harness.url, harness.workspace.tokens.OWNER, agentId, {
      dailySpendCapCents,
    });
    expect(response.status).toBe(200);
  };
  const call = (marker = newMarker()): Promise<ApiResponse> =>
    sendMessage(harness.url, harness.workspace.tokens.MEMBER, agentId, messageBody(marker));

  beforeAll(async () => {
    harness = await startGatewayHarness(2);
    [agentId, idleAgentId] = harness.workspace.agentIds as [string, string];
  });
  afterAll(() => harness.stop());

  it('reports the cap in force in every answer', async () => {
    await setCap(700);

    const response = await call();

    expect(response.status).toBe(200);
    expect(response.headers.get('x-daily-cap-cents')).toBe('700');
  });

  it('refuses the very next call once the cap is lowered under what a call may cost', async () => {
    const marker = newMarker();
    await setCap(1);

    const response = await call(marker);

    expect(response.status).toBe(429);
    expect(response.body.error).toMatchObject({
      code: 'daily_spend_cap_reached',
      capCents: 1,
      reservedCents: 0,
      resetsAt: new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString(),
    });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await callsCarrying(marker)).toEqual([]);
  });

  it('accepts the very next call once the cap is raised again', async () => {
    await setCap(1);
    expect((await call()).status).toBe(429);
    await setCap(500);

    const response = await call();

    expect(response.status).toBe(200);
    expect(response.headers.get('x-daily-cap-cents')).toBe('500');
  });

  it('refuses the very next call once the cap is lowered to zero', async () => {
    await setCap(0);

    const response = await call();

    expect(response.status).toBe(429);
    expect(response.body.error).toMatchObject({ code: 'daily_spend_cap_reached', capCents: 0 });
  });

  it("shows the day's settled spend in a refusal", async () => {
    await setCap(500);
    await call();
    const spent = (await spendOf(harness.url, harness.workspace.tokens.MEMBER, agentId)).body;
    await setCap(0);

    const response = await call();

    expect(response.body.error).toMatchObject({ spentCents: spent.spentCents, reservedCents: 0 });
    expect(spent.spentCents).toBeGreaterThan(0);
  });

  it('reports the new cap and remaining budget on the spend endpoint', async () => {
    await setCap(300);

    const response = await spendOf(harness.url, harness.workspace.tokens.MEMBER, agentId);

    expect(response.body).toMatchObject({ capCents: 300, reservedCents: 0 });
    expect(response.body.remainingCents).toBe(300 - response.body.spentCents);
  });

  it('writes one SPEND_CAP_REACHED event for the day, however many refusals', async () => {
    await setCap(0);
    expect((await call()).status).toBe(429);
    expect((await call()).status).toBe(429);

    const events = await auditEventsOfType(
      harness.url,
      harness.workspace.tokens.OWNER,
      agentId,
      'SPEND_CAP_REACHED',
    );

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { kind: 'system', component: 'gateway' },
      details: { day: today(), capCents: expect.any(Number) },
    });
  });

  it('gives the day item of a refusal-only day the same 400-day expiry as any day item', async () => {
    const owner = harness.workspace.tokens.OWNER;
    expect(
      (await patchAgent(harness.url, owner, idleAgentId, { dailySpendCapCents: 0 })).status,
    ).toBe(200);
    const member = harness.workspace.tokens.MEMBER;

    const response = await sendMessage(harness.url, member, idleAgentId, messageBody(newMarker()));

    expect(response.status).toBe(429);
    const item = await dayCounterItem(idleAgentId, today());
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(item).toMatchObject({ cappedDay: today() });
    expect(Number(item?.expiresAt)).toBeGreaterThan(nowSeconds + DAY_ITEM_TTL_SECONDS - 3_600);
    expect(Number(item?.expiresAt)).toBeLessThanOrEqual(nowSeconds + DAY_ITEM_TTL_SECONDS);
  });
});
