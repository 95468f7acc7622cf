/**
 * `npm run bench`: starts its own local stack (moto, the Anthropic emulator,
 * the local API) and LiteLLM, measures the gateway's overhead, CPU, AWS calls,
 * cost, cold starts and scaling, prints the report, writes bench/results.json
 * and rewrites the generated section of docs/performance.md. See bench/README.md.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../scripts/local/python-env.js';
import { Shutdown } from '../scripts/local/shutdown.js';
import { type BenchStack, startBenchStack } from './bench-stack.js';
import { measureCost } from './cost-phase.js';
import { writeReportIntoDoc } from './docs-section.js';
import { measureLatency } from './latency-phase.js';
import { preparePeer } from './peer.js';
import { measureColdStarts, seedLatencyAgents } from './phases.js';
import { formatReport } from './report.js';
import type { BenchResults } from './results.js';
import { checkTargets } from './targets.js';

const RESULTS_FILE = join(REPO_ROOT, 'bench/results.json');
const CPU_CALLS = 200;
const PROFILED_CALLS = 100;
const SCALE_RUNS = [
  { agentDays: 0, day: '2001-01-02' },
  { agentDays: 1_000, day: '2001-02-10' },
  { agentDays: 10_000, day: '2001-03-10' },
];
const AUDIT_SIZES = [10, 10_000];

const startedMs = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const phase = (name: string) =>
  console.error(`[${((performance.now() - startedMs) / 1000).toFixed(0)} s] ${name}`);

type LatencyAgents = Awaited<ReturnType<typeof seedLatencyAgents>>;

/** The handler's CPU per call, where it goes, and its building blocks alone. */
async function measureCpu(stack: BenchStack, agents: LatencyAgents) {
  // Imported only now: they create the functions' SDK clients, which read the environment.
  const { measureHandlerCpu, profileGatewayCalls } = await import('./handler-cpu.js');
  const { measureCpuBaselines } = await import('./cpu-baselines.js');
  const { workspace, hostedAgentIds, byoAgentIds } = agents;
  return {
    handlerCpu: [
      await measureHandlerCpu('hosted', workspace, hostedAgentIds, CPU_CALLS),
      await measureHandlerCpu('byo', workspace, byoAgentIds, CPU_CALLS),
    ],
    cpuProfile: await profileGatewayCalls(workspace, hostedAgentIds, PROFILED_CALLS),
    cpuBaselines: await measureCpuBaselines(stack),
  };
}

/** The reset job at each size, then an audit page at each length of history. */
async function measureScaling(stack: BenchStack) {
  const { measureAuditPage, measureResetJob } = await import('./scaling.js');
  const resetJob = [];
  for (const run of SCALE_RUNS) resetJob.push(await measureResetJob(stack, run.agentDays, run.day));
  const auditPages = [];
  for (const events of AUDIT_SIZES) auditPages.push(await measureAuditPage(stack, events));
  return { resetJob, auditPages };
}

async function measure(shutdown: Shutdown): Promise<BenchResults> {
  phase('preparing LiteLLM and the local stack');
  const peerSetup = await preparePeer();
  const stack = await startBenchStack(shutdown);
  const agents = await seedLatencyAgents(stack);

  phase('gateway overhead, side by side');
  const { latency, peer } = await measureLatency(stack, agents, peerSetup);
  phase('handler CPU, in process');
  const cpu = await measureCpu(stack, agents);
  phase('AWS calls per operation');
  const { countOperations } = await import('./operations.js');
  const operations = await countOperations(stack);
  phase('bundles and init times');
  const coldStarts = await measureColdStarts(stack);
  phase('scaling');
  const scaling = await measureScaling(stack);

  const cost = await measureCost(stack, agents, { ...cpu, operations, coldStarts });
  const measured = { peer, latency, ...cpu, operations, cost, coldStarts, ...scaling };
  return {
    generatedAt: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    runSeconds: (performance.now() - startedMs) / 1000,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
    ...measured,
    targets: checkTargets(measured),
  };
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const shutdown = new Shutdown();
shutdown.onSignals();
try {
  const results = await measure(shutdown);
  const report = formatReport(results);
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  await writeReportIntoDoc(report);
  console.log(report);
  phase('done: bench/results.json and docs/performance.md written');
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await shutdown.run();
}
