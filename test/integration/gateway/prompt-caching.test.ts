import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costOfUsage, PRICE_TABLE } from '../../../functions/domain/pricing/index.js';
import type { ApiResponse } from '../../support/fixtures.js';
import {
  callCostMicroCents,
  callsCarrying,
  type GatewayHarness,
  messageBody,
  newMarker,
  patchAgent,
  sendMessage,
  startGatewayHarness,
} from '../../support/gateway-fixtures.js';

const MODEL = 'claude-opus-4-7';

interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

/** The cost of a usage, line by line from the price table, to check the gateway's figure. */
function priceByHand(usage: Usage): number {
  const prices = PRICE_TABLE[MODEL]!;
  return (
    usage.input_tokens * prices.input +
    usage.output_tokens * prices.output +
    usage.cache_creation.ephemeral_5m_input_tokens * prices.cacheWrite5m +
    usage.cache_creation.ephemeral_1h_input_tokens * prices.cacheWrite1h +
    usage.cache_read_input_tokens * prices.cacheRead
  );
}

/** A prompt long enough that its cached part dominates the usage. */
const longText = (marker: string) => `${marker} ${'Background the agent needs. '.repeat(40)}`;

describe('gateway prompt caching', () => {
  let harness: GatewayHarness;
  let fiveMinuteAgentId: string;
  let oneHourAgentId: string;
  let member: string;

  const send = (agentId: string, body: unknown) => sendMessage(harness.url, member, agentId, body);

  beforeAll(async () => {
    harness = await startGatewayHarness(2);
    [fiveMinuteAgentId, oneHourAgentId] = harness.workspace.agentIds as [string, string];
    member = harness.workspace.tokens.MEMBER;
    const owner = harness.workspace.tokens.OWNER;
    const patched = await patchAgent(harness.url, owner, oneHourAgentId, {
      promptCacheTtl: '1h',
    });
    expect(patched.status).toBe(200);
  });
  afterAll(() => harness.stop());

  it('adds a top-level 5-minute cache_control to a request without breakpoints', async () => {
    const marker = newMarker();

    const response = await send(fiveMinuteAgentId, messageBody(longText(marker)));

    expect(response.status).toBe(200);
    expect(await cacheControlsSent(marker)).toEqual([{ type: 'ephemeral' }]);
  });

  it("adds a 1-hour cache_control once the agent's promptCacheTtl is 1h", async () => {
    const marker = newMarker();

    const response = await send(oneHourAgentId, messageBody(longText(marker)));

    expect(response.status).toBe(200);
    expect(await cacheControlsSent(marker)).toEqual([{ type: 'ephemeral', ttl: '1h' }]);
  });

  it('forwards a request that places its own breakpoint unchanged', async () => {
    const marker = newMarker();
    const body = {
      model: MODEL,
      max_tokens: 32,
      system: [{ type: 'text', text: longText(marker), cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
    };

    const response = await send(oneHourAgentId, body);

    expect(response.status).toBe(200);
    expect((await callsCarrying(marker)).map((call) => call.body)).toEqual([body]);
  });

  it('reads the cache on the second identical call and charges reads at the read rate', async () => {
    const body = messageBody(longText(newMarker()));

    const first = await send(fiveMinuteAgentId, body);
    const second = await send(fiveMinuteAgentId, body);

    const written = first.body.usage as Usage;
    const read = second.body.usage as Usage;
    expect(written.cache_creation.ephemeral_5m_input_tokens).toBeGreaterThan(0);
    expect(written.cache_read_input_tokens).toBe(0);
    expect(read.cache_read_input_tokens).toBe(written.cache_creation_input_tokens);
    expect(read.cache_creation_input_tokens).toBe(0);
    expectCostHeaderPricedFrom(second);
    expect(callCostMicroCents(second)).toBeLessThan(callCostMicroCents(first));
  });

  it('charges 5-minute cache writes at the 5-minute write rate', async () => {
    const response = await send(fiveMinuteAgentId, messageBody(longText(newMarker())));

    const usage = response.body.usage as Usage;
    expect(usage.cache_creation.ephemeral_5m_input_tokens).toBeGreaterThan(0);
    expect(usage.cache_creation.ephemeral_1h_input_tokens).toBe(0);
    expectCostHeaderPricedFrom(response);
  });

  it('charges 1-hour cache writes at the 1-hour write rate', async () => {
    const response = await send(oneHourAgentId, messageBody(longText(newMarker())));

    const usage = response.body.usage as Usage;
    expect(usage.cache_creation.ephemeral_1h_input_tokens).toBeGreaterThan(0);
    expect(usage.cache_creation.ephemeral_5m_input_tokens).toBe(0);
    expectCostHeaderPricedFrom(response);
  });

  it('charges a call that writes both lifetimes and reads each at its own rate', async () => {
    const marker = newMarker();
    const body = {
      max_tokens: 32,
      system: [
        { type: 'text', text: longText(marker), cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: longText('Question'), cache_control: { type: 'ephemeral' } },
          ],
        },
      ],
    };
    const systemOnly = { ...body, messages: [{ role: 'user', content: 'Other question' }] };

    const mixed = await send(fiveMinuteAgentId, body);
    const partlyRead = await send(fiveMinuteAgentId, systemOnly);

    const usage = mixed.body.usage as Usage;
    expect(usage.cache_creation.ephemeral_1h_input_tokens).toBeGreaterThan(0);
    expect(usage.cache_creation.ephemeral_5m_input_tokens).toBeGreaterThan(0);
    expectCostHeaderPricedFrom(mixed);
    const readUsage = partlyRead.body.usage as Usage;
    expect(readUsage.cache_read_input_tokens).toBe(usage.cache_creation.ephemeral_1h_input_tokens);
    expectCostHeaderPricedFrom(partlyRead);
  });

  it('charges US-only inference with its uplift on top of the table prices', async () => {
    const response = await send(
      fiveMinuteAgentId,
      messageBody(longText(newMarker()), { inference_geo: 'us' }),
    );

    expect(response.status).toBe(200);
    const usage = response.body.usage as Usage & { inference_geo: string };
    expect(usage.inference_geo).toBe('us');
    expect(callCostMicroCents(response)).toBe(Math.ceil((priceByHand(usage) * 11) / 10));
    expect(callCostMicroCents(response)).toBe(costOfUsage(usage, MODEL).microCents);
  });
});

/** The top-level `cache_control` of each call that carried the marker to Anthropic. */
async function cacheControlsSent(marker: string): Promise<unknown[]> {
  const calls = await callsCarrying(marker);
  return calls.map((call) => (call.body as Record<string, unknown>).cache_control);
}

/** The cost header equals both the price table applied by hand and `costOfUsage`. */
function expectCostHeaderPricedFrom(response: ApiResponse): void {
  expect(response.status).toBe(200);
  const usage = response.body.usage as Usage;
  expect(callCostMicroCents(response)).toBe(priceByHand(usage));
  expect(callCostMicroCents(response)).toBe(costOfUsage(usage, MODEL).microCents);
}
