import { randomUUID } from 'node:crypto';
import { withPromptCaching } from '../../../functions/domain/gateway/prompt-caching.js';
import { MICRO_CENTS_PER_CENT, worstCaseCost } from '../../../functions/domain/pricing/index.js';
import type { CallRecord } from '../../support/anthropic-emulator/index.js';
import type { Exchange, SecurityClient } from '../support/security-client.js';

const MODEL = 'claude-opus-4-7';
const MAX_TOKENS = 64;
/** Long enough that a call really costs a good part of what it reserves. */
const FILLER = 'Context the agent must read before answering. '.repeat(520);

/** A marker of fixed length, so every call's body, and so its reservation, is the same size. */
const newMarker = () => `call-${randomUUID()}`;

/** The body of one call: a unique first word, so no call reads another's prompt cache. */
export const callBody = (marker: string) => ({
  max_tokens: MAX_TOKENS,
  messages: [{ role: 'user', content: `${marker} ${FILLER}` }],
});

/** What the gateway reserves for one such call on a hosted agent (5-minute cache, default). */
export function worstCaseMicroCents(): number {
  const body = withPromptCaching({ ...callBody(newMarker()), model: MODEL }, '5m');
  return worstCaseCost({
    bodyBytes: Buffer.byteLength(JSON.stringify(body), 'utf8'),
    maxTokens: MAX_TOKENS,
    model: MODEL,
    messageCount: 1,
    toolCount: 0,
    inferenceGeo: 'us',
  }).microCents;
}

/** A cap that holds `reservations` worst cases at once. */
export const capFor = (reservations: number) =>
  Math.ceil((worstCaseMicroCents() * reservations) / MICRO_CENTS_PER_CENT);

export interface AgentCalls {
  readonly agentId: string;
  readonly capCents: number;
  /** Each call's marker, with the answer it got. */
  readonly calls: readonly { readonly marker: string; readonly response: Exchange }[];
  // biome-ignore lint/suspicious/noExplicitAny: the day's spend as the API shows it.
  spend?: any;
}

/**
 * Sends `total` agent calls at once, spread evenly over the agents (hosted,
 * each at its cap), then reads every agent's spend for the day.
 */
export async function runParallelCalls(
  client: SecurityClient,
  options: {
    token: string;
    agents: readonly { agentId: string; capCents: number }[];
    total: number;
  },
): Promise<AgentCalls[]> {
  const runs = options.agents.map((agent) => ({
    ...agent,
    calls: [] as { marker: string; response: Exchange }[],
    spend: undefined,
  }));
  const sends = Array.from({ length: options.total }, async (_, index) => {
    const run = runs[index % runs.length]!;
    const marker = newMarker();
    const response = await client.send(`/agents/${run.agentId}/messages`, {
      method: 'POST',
      token: options.token,
      body: callBody(marker),
    });
    run.calls.push({ marker, response });
  });
  await Promise.all(sends);

  for (const run of runs) {
    run.spend = (await client.send(`/agents/${run.agentId}/spend`, { token: options.token })).body;
  }
  return runs;
}

/**
 * What must hold after parallel calls against tight caps: each answered 200
 * or 429 `daily_spend_cap_reached`; no agent settled more than its cap; what
 * the API settled, what it answered and what Anthropic received agree call
 * for call; nothing stays reserved. `calls` are the emulator's records.
 */
export function callViolations(
  runs: readonly AgentCalls[],
  records: readonly CallRecord[],
): string[] {
  const problems: string[] = [];
  const sent = sentMarkers(records);

  for (const run of runs) {
    const accepted = run.calls.map(({ response }) => response).filter((r) => r.status === 200);
    for (const { marker, response } of run.calls) {
      const code = response.body?.error?.code;
      if (response.status !== 200 && code !== 'daily_spend_cap_reached') {
        problems.push(`${run.agentId}: a call answered ${response.status} ${code}`);
      }
      if ((sent.get(marker) ?? 0) !== (response.status === 200 ? 1 : 0)) {
        problems.push(
          `${run.agentId}: a ${response.status} call reached Anthropic ${sent.get(marker) ?? 0} times`,
        );
      }
    }
    const received = run.calls.filter(({ marker }) => sent.has(marker));
    const settledMicroCents = accepted.reduce(
      (sum, response) => sum + Number(response.headers['x-call-cost-microcents']),
      0,
    );

    if (run.spend.spentCents > run.capCents) {
      problems.push(`${run.agentId}: settled ${run.spend.spentCents} over its cap ${run.capCents}`);
    }
    if (run.spend.calls !== accepted.length || received.length !== accepted.length) {
      problems.push(
        `${run.agentId}: ${accepted.length} answered, ${run.spend.calls} settled, ${received.length} sent`,
      );
    }
    if (run.spend.spentCents !== Math.ceil(settledMicroCents / MICRO_CENTS_PER_CENT)) {
      problems.push(`${run.agentId}: spend ${run.spend.spentCents} ≠ the answers' costs`);
    }
    if (run.spend.reservedCents !== 0) problems.push(`${run.agentId}: still reserves`);
  }
  return problems;
}

/** How many calls carried each marker, read from the first word of their first message. */
function sentMarkers(records: readonly CallRecord[]): Map<string, number> {
  const sent = new Map<string, number>();
  for (const record of records) {
    const match = /"(call-[0-9a-f-]{36}) /.exec(JSON.stringify(record.body));
    if (match?.[1]) sent.set(match[1], (sent.get(match[1]) ?? 0) + 1);
  }
  return sent;
}
