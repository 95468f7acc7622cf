/**
 * `npm run test:load`: the concurrency scenarios at full size, then a soak at
 * a fixed rate, against a local stack of its own whose API runs in a child
 * process so its heap can be measured alone. Loopback only, every loop
 * bounded. Exits 1 on any broken invariant, any unexpected answer, any
 * contract violation or a heap that keeps growing; figures go to
 * `.local/security/load.json` for `npm run security:report`.
 *
 * LOAD_SOAK_SECONDS shortens the soak for a quick try; the report flags it.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_DAILY_SPEND_CAP_CENTS } from '../../functions/domain/agents/agent.js';
import { ENV } from '../../functions/shared/environment.js';
import { demoAnthropicKey } from '../../scripts/local/demo-keys.js';
import { LONG_FORM, RESERVATIONS_PER_CAP } from './load-profile.js';
import { callBody, callViolations, capFor, runParallelCalls } from './scenarios/parallel-calls.js';
import { rotationViolations, runParallelRotations } from './scenarios/parallel-rotations.js';
import { type PrivateStack, startPrivateStack } from './support/private-stack.js';
import { say } from './support/quiet.js';
import { LOAD_RESULTS, RESULTS_DIR, saveResults } from './support/results.js';
import { type Exchange, SecurityClient } from './support/security-client.js';

const MB = 1024 * 1024;
/** Agents the soak uses: apart from the capped ones, with room for every call. */
const SOAK_AGENTS = 2;
const soakSeconds = Number(process.env.LOAD_SOAK_SECONDS ?? LONG_FORM.soakSeconds);

const stack = await startPrivateStack({
  environment: { [ENV.validationsPerMinute]: '1000' },
  agents: LONG_FORM.agents + SOAK_AGENTS,
  apiProcessLog: join(RESULTS_DIR, 'load-api.log'),
});
const client = new SecurityClient(stack.apiUrl);
const { tokens, agentIds } = stack.workspace;
const problems: string[] = [];

/** A key the emulator accepts, registered in this process's emulator. */
function activeKey(): string {
  const apiKey = demoAnthropicKey();
  stack.emulator.registerKey(apiKey);
  return apiKey;
}

async function rotations() {
  const agentId = agentIds[0]!;
  const startKey = activeKey();
  await client.send(`/agents/${agentId}`, {
    method: 'PATCH',
    token: tokens.OWNER,
    body: { llmProvider: 'BYO_ANTHROPIC', byoApiKey: startKey },
  });
  const keys = Array.from({ length: LONG_FORM.rotations }, activeKey);
  const run = await runParallelRotations(client, { token: tokens.OWNER, agentId, startKey, keys });
  problems.push(...rotationViolations(run));
  return { parallel: LONG_FORM.rotations, accepted: run.accepted.length };
}

async function agentCalls() {
  const capCents = capFor(RESERVATIONS_PER_CAP);
  const capped = agentIds.slice(1, LONG_FORM.agents + 1);
  for (const agentId of capped) {
    await client.send(`/agents/${agentId}`, {
      method: 'PATCH',
      token: tokens.OWNER,
      body: { dailySpendCapCents: capCents },
    });
  }
  const runs = await runParallelCalls(client, {
    token: tokens.MEMBER,
    agents: capped.map((agentId) => ({ agentId, capCents })),
    total: LONG_FORM.agentCalls,
  });
  problems.push(...callViolations(runs, stack.emulator.calls()));
  const served = runs.flatMap((run) => run.calls).filter(({ response }) => response.status === 200);
  return {
    parallel: LONG_FORM.agentCalls,
    agents: LONG_FORM.agents,
    capCents,
    served: served.length,
    refused: LONG_FORM.agentCalls - served.length,
  };
}

/** What the soak sends, in turn: reads, writes and agent calls as a product's clients would. */
function soakRequests(): readonly (() => Promise<Exchange>)[] {
  const [hosted, byo] = agentIds.slice(-SOAK_AGENTS) as [string, string];
  let renames = 0;
  const call = (agentId: string) =>
    client.send(`/agents/${agentId}/messages`, {
      method: 'POST',
      token: tokens.MEMBER,
      body: callBody(`call-${crypto.randomUUID()}`),
    });
  return [
    () => client.send('/agents', { token: tokens.VIEWER }),
    () => client.send(`/agents/${hosted}`, { token: tokens.MEMBER }),
    () => client.send(`/agents/${byo}/spend`, { token: tokens.VIEWER }),
    () => call(hosted),
    () => call(byo),
    () =>
      client.send(`/agents/${hosted}`, {
        method: 'PATCH',
        token: tokens.MEMBER,
        body: { name: `Soak ${++renames}` },
      }),
    () => client.send(`/agents/${byo}/audit-events?limit=20`, { token: tokens.OWNER }),
    () => client.send('/usage', { token: tokens.ADMIN }),
  ];
}

async function prepareSoak() {
  const [hosted, byo] = agentIds.slice(-SOAK_AGENTS) as [string, string];
  for (const agentId of [hosted, byo]) {
    await client.send(`/agents/${agentId}`, {
      method: 'PATCH',
      token: tokens.OWNER,
      body: {
        dailySpendCapCents: MAX_DAILY_SPEND_CAP_CENTS,
        ...(agentId === byo ? { llmProvider: 'BYO_ANTHROPIC', byoApiKey: activeKey() } : {}),
      },
    });
  }
}

/** Sends requests at a fixed rate for the soak's length, never waiting for answers to send. */
async function soak(api: PrivateStack) {
  await prepareSoak();
  const requests = soakRequests();
  const intervalMs = 1000 / LONG_FORM.soakRatePerSecond;
  const total = LONG_FORM.soakRatePerSecond * soakSeconds;
  const heapStartBytes = await api.heapUsedBytes(true);
  const samples: number[] = [heapStartBytes];
  const sampler = setInterval(() => {
    void api.heapUsedBytes().then((bytes) => samples.push(bytes));
  }, 1000);
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  const startedMs = performance.now();

  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const dueMs = startedMs + index * intervalMs;
    await sleep(Math.max(0, dueMs - performance.now()));
    const sentMs = performance.now();
    const send = requests[index % requests.length]!;
    pending.push(
      send().then(
        (response) => {
          latenciesMs.push(performance.now() - sentMs);
          if (response.status !== 200)
            failures.push(`${response.method} ${response.path} → ${response.status}`);
        },
        (error: Error) => {
          failures.push(error.message);
        },
      ),
    );
  }
  await Promise.all(pending);
  clearInterval(sampler);
  const heapEndBytes = await api.heapUsedBytes(true);
  const growthBytes = heapEndBytes - heapStartBytes;

  problems.push(...failures.slice(0, 20));
  if (growthBytes > LONG_FORM.maxHeapGrowthBytes) {
    problems.push(`heap grew ${Math.round(growthBytes / MB)} MB over the soak`);
  }
  latenciesMs.sort((a, b) => a - b);
  const percentile = (share: number) =>
    Math.round(latenciesMs[Math.floor(share * (latenciesMs.length - 1))] ?? 0);
  return {
    seconds: soakSeconds,
    ratePerSecond: LONG_FORM.soakRatePerSecond,
    requests: total,
    errors: failures.length,
    achievedRatePerSecond: Math.round((total / (performance.now() - startedMs)) * 1000 * 10) / 10,
    latencyMs: {
      p50: percentile(0.5),
      p95: percentile(0.95),
      p99: percentile(0.99),
      max: percentile(1),
    },
    heapMb: {
      start: round(heapStartBytes / MB),
      end: round(heapEndBytes / MB),
      max: round(Math.max(...samples, heapEndBytes) / MB),
      growth: round(growthBytes / MB),
    },
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

let exitCode = 1;
try {
  say(`local stack up at ${stack.apiUrl}; the API runs in its own process`);
  const rotation = await rotations();
  say(`${rotation.parallel} parallel rotations: ${rotation.accepted} acknowledged, the rest 409`);
  const calls = await agentCalls();
  say(
    `${calls.parallel} parallel agent calls over ${calls.agents} agents at ${calls.capCents} ¢: ${calls.served} served, ${calls.refused} refused at the cap`,
  );
  say(`soaking at ${LONG_FORM.soakRatePerSecond} requests a second for ${soakSeconds} s`);
  const soaked = await soak(stack);
  say(
    `soak: ${soaked.requests} requests, ${soaked.errors} errors, ${soaked.achievedRatePerSecond}/s, latency ms ${JSON.stringify(soaked.latencyMs)}`,
  );
  say(`API heap MB (after GC at start and end): ${JSON.stringify(soaked.heapMb)}`);
  const violations = client.takeViolations();
  problems.push(...violations.slice(0, 20));
  const figures = {
    rotations: rotation,
    agentCalls: calls,
    soak: soaked,
    requests: client.exchanges.length,
    contractViolations: violations.length,
    problems,
  };
  await saveResults(LOAD_RESULTS, figures);
  say(`${figures.requests} answers checked against the contract: ${violations.length} violations`);
  say(problems.length === 0 ? 'every invariant held' : `PROBLEMS:\n  ${problems.join('\n  ')}`);
  exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await stack.stop();
}
process.exit(exitCode);
