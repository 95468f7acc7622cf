import type { FunctionBundle } from './bundles.js';
import type { CostLine } from './cost.js';
import type { CpuBaseline } from './cpu-baselines.js';
import type { CpuShare } from './cpu-profile.js';
import type { HandlerCpu } from './handler-cpu.js';
import type { OperationCalls } from './operations.js';
import type { TargetLatency } from './overhead.js';
import type { AuditPageRead, ResetJobRun } from './scaling.js';

/** How the peer ran, or why it did not. */
export interface PeerStatus {
  /** `litellm 1.105.7, no database`, or undefined when it did not run at all. */
  readonly ran: boolean;
  readonly mode: string;
  /** Why LiteLLM's database mode (virtual keys, budgets) could not start, in its own words. */
  readonly databaseBlocker?: string;
  /** Why the proxy did not run at all, when it did not. */
  readonly failure?: string;
}

export interface ColdStart extends Omit<FunctionBundle, 'file' | 'metafile'> {
  /** Median import time of the bundle with `--enable-source-maps`, as Lambda runs it. */
  readonly initMs: number;
  readonly initWithoutSourceMapsMs: number;
  readonly initRuns: number;
}

/** One target of the brief, and how the measurements meet it. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** Undefined when it could not be measured. */
  readonly met: boolean | undefined;
}

/** Everything `npm run bench` measured: written to bench/results.json and into docs/performance.md. */
export interface BenchResults {
  readonly generatedAt: string;
  readonly machine: string;
  readonly runSeconds: number;
  /** The machine's one-minute load average when the run began and ended: other work skews timings. */
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  readonly peer: PeerStatus;
  readonly latency: readonly TargetLatency[];
  readonly handlerCpu: readonly HandlerCpu[];
  /** Where a warm hosted call's CPU goes, by package. */
  readonly cpuProfile: readonly CpuShare[];
  /** The building blocks of a call, measured alone. */
  readonly cpuBaselines: readonly CpuBaseline[];
  readonly operations: readonly OperationCalls[];
  readonly cost: {
    readonly lines: readonly CostLine[];
    readonly total: number;
    readonly perUpstreamSecond: number;
    readonly pricesLookedUpOn: string;
    readonly memoryMb: number;
  };
  readonly coldStarts: readonly ColdStart[];
  readonly resetJob: readonly ResetJobRun[];
  readonly auditPages: readonly AuditPageRead[];
  readonly targets: readonly TargetCheck[];
}
