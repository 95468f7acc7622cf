import { awsClients } from '../functions/adapters/aws-clients.js';
import { captureLogs } from '../test/support/capture-logs.js';
import { countAwsCalls } from './aws-call-counter.js';
import { type BenchWorkspace, messageBody } from './bench-workspace.js';
import { type CpuShare, profileCpu } from './cpu-profile.js';
import { expectStatus, invokeRoute } from './in-process-api.js';
import { median, round } from './stats.js';

const WARMUP_CALLS = 30;

/** What one warm agent call costs the function itself, measured in this process. */
export interface HandlerCpu {
  readonly source: 'hosted' | 'byo';
  readonly calls: number;
  /** User + system CPU of this process per call: handler, SDKs, JSON, logging, GC. */
  readonly cpuMicrosPerCall: number;
  /** Wall time of one handler invocation, I/O waits included (median). */
  readonly durationP50Ms: number;
  readonly durationMeanMs: number;
  /** Of that, the time spent in AWS SDK calls (moto's answer, and the SDK's own work), mean per call. */
  readonly awsWaitMsPerCall: number;
  /** What the handler printed (its CloudWatch log lines), per call. */
  readonly logBytesPerCall: number;
  readonly logLinesPerCall: number;
}

type Call = (index: number) => ReturnType<typeof invokeRoute>;

const agentCall =
  (workspace: BenchWorkspace, agentIds: readonly string[]): Call =>
  (index) =>
    invokeRoute({
      method: 'POST',
      path: `/api/v1/agents/${agentIds[index % agentIds.length]}/messages`,
      token: workspace.tokens.MEMBER,
      body: messageBody(),
    });

async function quietly(calls: number, call: Call): Promise<void> {
  const logs = captureLogs();
  try {
    for (let index = 0; index < calls; index += 1)
      expectStatus(await call(index), 200, 'agent call');
  } finally {
    logs.stop();
  }
}

/**
 * Invokes the gateway handler in this process, one call after another, with
 * moto and the emulator in other processes: the CPU this process uses is
 * then the function's own, the SDK clients' work included, and nothing else
 * runs here meanwhile. Its stdout is captured, which also gives the log bytes.
 */
export async function measureHandlerCpu(
  source: 'hosted' | 'byo',
  workspace: BenchWorkspace,
  agentIds: readonly string[],
  calls: number,
): Promise<HandlerCpu> {
  const call = agentCall(workspace, agentIds);
  await quietly(WARMUP_CALLS, call);

  const counter = countAwsCalls({
    dynamoDb: awsClients.dynamoDb,
    secretsManager: awsClients.secretsManager,
  });
  const logs = captureLogs();
  const durationsMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  try {
    for (let index = 0; index < calls; index += 1) {
      const startedMs = performance.now();
      const result = await call(index);
      durationsMs.push(performance.now() - startedMs);
      expectStatus(result, 200, 'agent call');
    }
  } finally {
    logs.stop();
    counter.stop();
  }
  const cpu = process.cpuUsage(cpuBefore);
  const lines = logs.lines();
  const awsWaitMs = counter.calls().reduce((sum, awsCall) => sum + awsCall.durationMs, 0);

  return {
    source,
    calls,
    cpuMicrosPerCall: Math.round((cpu.user + cpu.system) / calls),
    durationP50Ms: round(median(durationsMs)),
    durationMeanMs: round(durationsMs.reduce((sum, ms) => sum + ms, 0) / calls),
    awsWaitMsPerCall: round(awsWaitMs / calls),
    logBytesPerCall: Math.round(
      lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0) / calls,
    ),
    logLinesPerCall: round(lines.length / calls),
  };
}

/** Where the gateway's CPU goes over `calls` warm hosted calls, by package. */
export function profileGatewayCalls(
  workspace: BenchWorkspace,
  agentIds: readonly string[],
  calls: number,
): Promise<CpuShare[]> {
  return profileCpu(() => quietly(calls, agentCall(workspace, agentIds)));
}
