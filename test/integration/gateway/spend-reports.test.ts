import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcMonth } from '../../../functions/domain/spend/utc-day.js';
import { type ApiResponse, api, seedTestWorkspace } from '../../support/fixtures.js';
import {
  callCostMicroCents,
  type GatewayHarness,
  messageBody,
  newMarker,
  registeredKey,
  sendMessage,
  spendOf,
  startGatewayHarness,
  today,
  useByoKey,
} from '../../support/gateway-fixtures.js';

const MICRO_CENTS_PER_CENT = 1_000_000;
const ZERO_TOKENS = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0 };

/** What one agent's calls add up to, from their answers alone. */
interface Totals {
  microCents: number;
  calls: number;
  tokens: typeof ZERO_TOKENS;
}

function totalsOf(responses: readonly ApiResponse[]): Totals {
  const totals: Totals = { microCents: 0, calls: 0, tokens: { ...ZERO_TOKENS } };
  for (const response of responses) {
    const { usage } = response.body;
    totals.microCents += callCostMicroCents(response);
    totals.calls += 1;
    totals.tokens.input += usage.input_tokens;
    totals.tokens.output += usage.output_tokens;
    totals.tokens.cacheCreation += usage.cache_creation_input_tokens;
    totals.tokens.cacheRead += usage.cache_read_input_tokens;
  }
  return totals;
}

const cents = (microCents: number) => Math.ceil(microCents / MICRO_CENTS_PER_CENT);

const combined = (a: Totals, b: Totals): Totals => ({
  microCents: a.microCents + b.microCents,
  calls: a.calls + b.calls,
  tokens: {
    input: a.tokens.input + b.tokens.input,
    output: a.tokens.output + b.tokens.output,
    cacheCreation: a.tokens.cacheCreation + b.tokens.cacheCreation,
    cacheRead: a.tokens.cacheRead + b.tokens.cacheRead,
  },
});

describe('spend and usage reports', () => {
  let harness: GatewayHarness;
  let hostedAgentId: string;
  let switchedAgentId: string;
  /** The hosted agent's calls. */
  let hosted: Totals;
  /** The other agent's call before it switched to BYO, on the hosted key. */
  let beforeSwitch: Totals;
  /** The other agent's calls on its own key. */
  let byo: Totals;
  let lastHosted: ApiResponse;

  const call = (agentId: string, body: unknown) =>
    sendMessage(harness.url, harness.workspace.tokens.MEMBER, agentId, body);

  /** Three calls: one, the same again (a cache read), and another. */
  const makeCalls = async (agentId: string) => {
    const repeated = messageBody(`${newMarker()} ${'Shared context. '.repeat(30)}`);
    const bodies = [repeated, repeated, messageBody(newMarker(), { max_tokens: 5 })];
    const responses: ApiResponse[] = [];
    for (const body of bodies) responses.push(await call(agentId, body));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    return responses;
  };

  beforeAll(async () => {
    harness = await startGatewayHarness(2);
    [hostedAgentId, switchedAgentId] = harness.workspace.agentIds as [string, string];
    const hostedResponses = await makeCalls(hostedAgentId);
    hosted = totalsOf(hostedResponses);
    lastHosted = hostedResponses.at(-1)!;
    beforeSwitch = totalsOf([await call(switchedAgentId, messageBody(newMarker()))]);
    const owner = harness.workspace.tokens.OWNER;
    await useByoKey(harness.url, owner, switchedAgentId, await registeredKey());
    byo = totalsOf(await makeCalls(switchedAgentId));
  });
  afterAll(() => harness.stop());

  describe('GET /agents/{id}/spend', () => {
    it.each([
      ['a hosted agent', () => hostedAgentId, () => hosted],
      ['an agent that switched to BYO', () => switchedAgentId, () => combined(beforeSwitch, byo)],
    ])(
      "reports the day of %s as the sum of its calls' costs and tokens",
      async (_, agentId, totals) => {
        const response = await spendOf(harness.url, harness.workspace.tokens.VIEWER, agentId());

        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          day: today(),
          spentCents: cents(totals().microCents),
          reservedCents: 0,
          capCents: 1000,
          remainingCents: Math.floor((1000 * MICRO_CENTS_PER_CENT - totals().microCents) / 1e6),
          calls: totals().calls,
          tokens: totals().tokens,
          resetsAt: new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString(),
        });
      },
    );

    it('counts cache reads and writes apart', () => {
      expect(hosted.tokens.cacheRead).toBeGreaterThan(0);
      expect(hosted.tokens.cacheCreation).toBeGreaterThan(0);
    });

    it("agrees with the last call's x-daily-spend-cents header", async () => {
      const response = await spendOf(harness.url, harness.workspace.tokens.MEMBER, hostedAgentId);

      expect(lastHosted.headers.get('x-daily-spend-cents')).toBe(String(response.body.spentCents));
    });

    it('reports zeros for another day', async () => {
      const response = await spendOf(
        harness.url,
        harness.workspace.tokens.MEMBER,
        hostedAgentId,
        '2020-02-29',
      );

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        day: '2020-02-29',
        spentCents: 0,
        reservedCents: 0,
        capCents: 1000,
        remainingCents: 1000,
        calls: 0,
        tokens: ZERO_TOKENS,
        resetsAt: '2020-03-01T00:00:00.000Z',
      });
    });

    it.each(['today', '2026-13-01', '2026-02-30', '20261203', '2026-1-03'])(
      'refuses the malformed day %s with 400',
      async (day) => {
        const response = await spendOf(
          harness.url,
          harness.workspace.tokens.MEMBER,
          hostedAgentId,
          day,
        );

        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('validation_failed');
      },
    );

    it("answers 404 for another workspace's agent", async () => {
      const other = await seedTestWorkspace({ roles: ['OWNER'] });

      const response = await spendOf(harness.url, other.tokens.OWNER, hostedAgentId);

      expect(response.status).toBe(404);
    });
  });

  describe('GET /usage', () => {
    const usage = (token: string, month?: string) =>
      api(`${harness.url}/usage${month === undefined ? '' : `?month=${month}`}`, token);

    it("splits the month's spend by the key that paid, each side the sum of its calls", async () => {
      const response = await usage(harness.workspace.tokens.ADMIN);

      expect(response.status).toBe(200);
      const onHostedKey = combined(hosted, beforeSwitch);
      expect(response.body).toEqual({
        month: utcMonth(new Date()),
        hosted: {
          spentCents: cents(onHostedKey.microCents),
          calls: 4,
          tokens: onHostedKey.tokens,
        },
        byo: { spentCents: cents(byo.microCents), calls: 3, tokens: byo.tokens },
        total: { spentCents: cents(onHostedKey.microCents + byo.microCents), calls: 7 },
      });
    });

    it('reports zeros for another month', async () => {
      const response = await usage(harness.workspace.tokens.OWNER, '2020-02');

      expect(response.body).toEqual({
        month: '2020-02',
        hosted: { spentCents: 0, calls: 0, tokens: ZERO_TOKENS },
        byo: { spentCents: 0, calls: 0, tokens: ZERO_TOKENS },
        total: { spentCents: 0, calls: 0 },
      });
    });

    it.each(['2026-13', '2026-1', 'december'])(
      'refuses the malformed month %s with 400',
      async (month) => {
        const response = await usage(harness.workspace.tokens.OWNER, month);

        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('validation_failed');
      },
    );

    it.each(['MEMBER', 'VIEWER'] as const)('refuses a %s with 403', async (role) => {
      const response = await usage(harness.workspace.tokens[role]);

      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    });
  });
});
