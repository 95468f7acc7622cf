import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPromptCaching } from '../../../functions/domain/gateway/prompt-caching.js';
import { MICRO_CENTS_PER_CENT, worstCaseCost } from '../../../functions/domain/pricing/index.js';
import type { ApiResponse } from '../../support/fixtures.js';
import {
  agentCallsWithKey,
  auditEventsOfType,
  callCostMicroCents,
  dayCounterItem,
  type GatewayHarness,
  patchAgent,
  registeredKey,
  reservationsIn,
  sendMessage,
  spendOf,
  startGatewayHarness,
  today,
  useByoKey,
} from '../../support/gateway-fixtures.js';

const MODEL = 'claude-opus-4-7';
const PARALLEL_CALLS = 50;
const RESERVATIONS_THAT_FIT = 10.5;
const MAX_TOKENS = 64;
/** Long enough that each call really costs about a fifth of what it reserves. */
const FILLER = 'Context the agent must read before answering. '.repeat(520);

/**
 * Call `index`'s body. Every body has the same length, so every call reserves
 * the same worst case, and a different prefix, so none reads another's cache.
 * `inference_geo: 'us'` makes the actual cost carry the same uplift as the bound.
 */
const callBody = (index: number) => ({
  max_tokens: MAX_TOKENS,
  inference_geo: 'us',
  messages: [{ role: 'user', content: `${String(index).padStart(3, '0')} ${FILLER}` }],
});

/** What the gateway reserves for one of these calls, computed as the gateway does. */
function worstCaseMicroCents(): number {
  const body = withPromptCaching({ ...callBody(0), model: MODEL }, '1h');
  return worstCaseCost({
    bodyBytes: Buffer.byteLength(JSON.stringify(body), 'utf8'),
    maxTokens: MAX_TOKENS,
    model: MODEL,
    messageCount: 1,
    toolCount: 0,
    inferenceGeo: 'us',
  }).microCents;
}

describe('daily spend cap under concurrency', () => {
  let harness: GatewayHarness;
  let agentId: string;
  let byoKey: string;
  let capCents: number;
  let responses: ApiResponse[];

  const worstCase = worstCaseMicroCents();
  const accepted = () => responses.filter((response) => response.status === 200);
  const refused = () => responses.filter((response) => response.status !== 200);

  beforeAll(async () => {
    harness = await startGatewayHarness();
    agentId = harness.workspace.agentIds[0]!;
    const owner = harness.workspace.tokens.OWNER;
    byoKey = await registeredKey();
    await useByoKey(harness.url, owner, agentId, byoKey);
    capCents = Math.ceil((worstCase * RESERVATIONS_THAT_FIT) / MICRO_CENTS_PER_CENT);
    const patched = await patchAgent(harness.url, owner, agentId, {
      dailySpendCapCents: capCents,
      promptCacheTtl: '1h',
    });
    expect(patched.status).toBe(200);

    const member = harness.workspace.tokens.MEMBER;
    responses = await Promise.all(
      Array.from({ length: PARALLEL_CALLS }, (_, index) =>
        sendMessage(harness.url, member, agentId, callBody(index)),
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await harness.stop();
  });

  it('answers every call with 200 or 429, refusing some and accepting at least the reservations that fit', () => {
    const statuses = new Set(responses.map((response) => response.status));

    expect([...statuses].sort()).toEqual([200, 429]);
    expect(accepted().length).toBeGreaterThanOrEqual(Math.floor(RESERVATIONS_THAT_FIT));
  });

  it('settles no more than the cap, as the spend endpoint and the counters item show', async () => {
    const spend = await spendOf(harness.url, harness.workspace.tokens.MEMBER, agentId);
    const item = await dayCounterItem(agentId, today());

    expect(spend.body.spentCents).toBeLessThanOrEqual(capCents);
    expect(Number(item?.spentMicroCents)).toBeLessThanOrEqual(capCents * MICRO_CENTS_PER_CENT);
    const settled = accepted().reduce((sum, response) => sum + callCostMicroCents(response), 0);
    expect(Number(item?.spentMicroCents)).toBe(settled);
  });

  it('calls Anthropic exactly once per accepted call', async () => {
    const calls = await agentCallsWithKey(byoKey);

    expect(calls).toHaveLength(accepted().length);
    expect(calls.every((call) => call.status === 200)).toBe(true);
  });

  it('refuses with 429 daily_spend_cap_reached, the day figures and Retry-After', () => {
    const worstCaseCents = worstCase / MICRO_CENTS_PER_CENT;
    const resetsAt = new Date(`${today()}T00:00:00Z`).getTime() + 86_400_000;

    for (const response of refused()) {
      const { error } = response.body;
      expect(error).toMatchObject({
        code: 'daily_spend_cap_reached',
        capCents,
        spentCents: expect.any(Number),
        reservedCents: expect.any(Number),
        resetsAt: new Date(resetsAt).toISOString(),
        requestId: expect.any(String),
      });
      // What is settled and reserved left no room for one more worst case.
      expect(error.spentCents + error.reservedCents).toBeGreaterThan(capCents - worstCaseCents);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(86_400);
    }
  });

  it('holds no reservation once every call has answered', async () => {
    const spend = await spendOf(harness.url, harness.workspace.tokens.MEMBER, agentId);
    const item = await dayCounterItem(agentId, today());

    expect(spend.body).toMatchObject({ reservedCents: 0, calls: accepted().length });
    expect(Number(item?.reservedMicroCents)).toBe(0);
    expect(Number(item?.committedMicroCents)).toBe(Number(item?.spentMicroCents));
    expect(reservationsIn(item)).toEqual([]);
  });

  it('writes exactly one SPEND_CAP_REACHED audit event', async () => {
    const events = await auditEventsOfType(
      harness.url,
      harness.workspace.tokens.OWNER,
      agentId,
      'SPEND_CAP_REACHED',
    );

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { kind: 'system', component: 'gateway' },
      details: { day: today(), capCents },
    });
  });
});
