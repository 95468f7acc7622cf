import type { BenchResults, TargetCheck } from './results.js';

type Measured = Omit<
  BenchResults,
  'targets' | 'runSeconds' | 'generatedAt' | 'machine' | 'loadAverage'
>;

const CPU_TARGET_MICROS = 2_000;
const PEER_FACTOR = 2;
const COST_TARGET_DOLLARS = 3;
const INIT_FACTOR = 3;
const AUDIT_PAGE_SIZE = 20;

const byName = <T extends { operation: string }>(rows: readonly T[], name: string) =>
  rows.find((row) => row.operation === name);

function cpuCheck(m: Measured): TargetCheck {
  const parts = m.handlerCpu.map(
    (cpu) => `${cpu.source} ${(cpu.cpuMicrosPerCall / 1000).toFixed(2)} ms`,
  );
  const met = m.handlerCpu.every((cpu) => cpu.cpuMicrosPerCall < CPU_TARGET_MICROS);
  return { target: 'own CPU per warm call < 2 ms', measured: parts.join(', '), met };
}

function peerCheck(m: Measured): TargetCheck {
  const target = `added latency ≥ ${PEER_FACTOR}x lower than the peer's at p50`;
  if (!m.peer.ran)
    return { target, measured: `peer did not run: ${m.peer.failure ?? ''}`, met: undefined };
  const parts: string[] = [];
  let met = true;
  for (const concurrency of new Set(m.latency.map((row) => row.concurrency))) {
    const rows = m.latency.filter((row) => row.concurrency === concurrency);
    const ours = Math.max(
      ...rows.filter((row) => row.target.startsWith('gateway')).map((row) => row.addedP50Ms),
    );
    const peer = rows.find((row) => row.target === 'litellm')?.addedP50Ms ?? Number.NaN;
    const factor = peer / ours;
    met &&= factor >= PEER_FACTOR;
    parts.push(`c=${concurrency}: +${ours} ms vs LiteLLM +${peer} ms (${factor.toFixed(1)}x)`);
  }
  return { target, measured: `${parts.join('; ')}; LiteLLM ${m.peer.mode}`, met };
}

function warmCallCheck(m: Measured): TargetCheck {
  const warm = ['hosted', 'BYO'].map((label) => byName(m.operations, `warm agent call, ${label}`)!);
  const measured = warm.map(
    (w, i) =>
      `${i ? 'BYO' : 'hosted'}: ${w.secretsManager} SM, ${w.dynamoDbReads} reads, ${w.dynamoDbWrites} writes`,
  );
  const met = warm.every(
    (w) => w.secretsManager === 0 && w.dynamoDbReads <= 2 && w.dynamoDbWrites <= 2,
  );
  return {
    target: 'warm call: 0 Secrets Manager calls, ≤ 2 DynamoDB reads and 2 writes',
    measured: measured.join('; '),
    met,
  };
}

function costChecks(m: Measured): TargetCheck[] {
  const withOneSecond = m.cost.total + m.cost.perUpstreamSecond;
  return [
    {
      target: '< $3 per million agent calls on AWS',
      measured: `$${m.cost.total.toFixed(2)} with an instant Anthropic (the emulator)`,
      met: m.cost.total < COST_TARGET_DOLLARS,
    },
    {
      target: '… when Anthropic takes 1 s to answer',
      measured: `$${withOneSecond.toFixed(2)}: +$${m.cost.perUpstreamSecond} per second the function waits`,
      met: withOneSecond < COST_TARGET_DOLLARS,
    },
  ];
}

function initCheck(m: Measured): TargetCheck {
  const floor = m.coldStarts.find((row) => row.name === 'empty handler')?.initMs ?? Number.NaN;
  const rows = m.coldStarts.filter((row) => row.name !== 'empty handler');
  const measured = rows.map((row) => `${row.name} ${(row.initMs / floor).toFixed(1)}x`).join(', ');
  const met = rows.every((row) => row.initMs <= INIT_FACTOR * floor);
  return {
    target: `each function's init within ${INIT_FACTOR}x of an empty handler's`,
    measured: `${measured} (floor ${floor} ms)`,
    met,
  };
}

function resetJobChecks(m: Measured): TargetCheck[] {
  const runs = m.resetJob.filter((run) => run.agentDays > 0);
  const followsActive = runs.every((run) => run.dayItemsRead === run.cappedAgents + run.agentDays);
  const dayReads = runs.map(
    (run) =>
      `${run.dayItemsRead} day items for ${run.agentDays} active of ${run.totalDayItems} day items`,
  );
  const [small, large] = [runs[0], runs[runs.length - 1]];
  const sweepMeasured = runs.map(
    (run) =>
      `${run.byoSecrets} BYO keys → ${run.secretsListed} secrets listed, ${run.agentItemsRead} agent items read`,
  );
  return [
    {
      target: 'reset job reads follow capped and active agents, not all day items',
      measured: dayReads.join('; '),
      met: followsActive,
    },
    {
      target: "reset job's secret sweep independent of the number of BYO agents",
      measured: sweepMeasured.join('; '),
      met:
        small !== undefined && large !== undefined && small.secretsListed === large.secretsListed,
    },
  ];
}

function auditCheck(m: Measured): TargetCheck {
  const measured = m.auditPages
    .map((page) => `${page.events} events: ${page.dynamoDbReads} reads, ${page.itemsRead} items`)
    .join('; ');
  const [small, large] = [m.auditPages[0], m.auditPages[m.auditPages.length - 1]];
  const met =
    small !== undefined &&
    large !== undefined &&
    small.dynamoDbReads === large.dynamoDbReads &&
    large.itemsRead <= AUDIT_PAGE_SIZE + 2;
  return { target: 'one audit page costs the same at 10 and 10,000 events', measured, met };
}

/** Every target of the brief, checked against the measurements. */
export function checkTargets(m: Measured): TargetCheck[] {
  return [
    cpuCheck(m),
    peerCheck(m),
    warmCallCheck(m),
    ...costChecks(m),
    initCheck(m),
    ...resetJobChecks(m),
    auditCheck(m),
  ];
}
