import type { BenchStack } from './bench-stack.js';
import type { BenchWorkspace } from './bench-workspace.js';
import { costPerMillionCalls } from './cost.js';
import { configuredMemoryMb } from './function-config.js';
import type { HandlerCpu } from './handler-cpu.js';
import type { OperationCalls } from './operations.js';
import { bytesOutPerCall } from './payload-bytes.js';
import { PRICES_LOOKED_UP_ON } from './prices.js';
import type { BenchResults, ColdStart } from './results.js';

const operation = (operations: readonly OperationCalls[], name: string) => {
  const found = operations.find((op) => op.operation === name);
  if (!found) throw new Error(`no "${name}" among the counted operations`);
  return found;
};

/**
 * Prices a hosted agent call (BYO calls make the same AWS calls when warm)
 * from what the other phases measured, and the bytes one call sends out.
 */
export async function measureCost(
  stack: BenchStack,
  agents: { workspace: BenchWorkspace; hostedAgentIds: readonly string[] },
  measured: {
    handlerCpu: readonly HandlerCpu[];
    operations: readonly OperationCalls[];
    coldStarts: readonly ColdStart[];
  },
): Promise<BenchResults['cost']> {
  const cpu = measured.handlerCpu.find((row) => row.source === 'hosted')!;
  const memoryMb = configuredMemoryMb();
  const { lines, total, perUpstreamSecond } = costPerMillionCalls({
    memoryMb,
    warmCall: operation(measured.operations, 'warm agent call, hosted'),
    coldCall: operation(measured.operations, 'cold agent call, hosted'),
    durationMs: cpu.durationP50Ms,
    cpuMs: cpu.cpuMicrosPerCall / 1000,
    initMs: measured.coldStarts.find((row) => row.name === 'gateway')?.initMs ?? 0,
    logBytesPerCall: cpu.logBytesPerCall,
    bytesOutPerCall: await bytesOutPerCall(stack, agents.workspace, agents.hostedAgentIds[0]!),
  });
  return { lines, total, perUpstreamSecond, pricesLookedUpOn: PRICES_LOOKED_UP_ON, memoryMb };
}
