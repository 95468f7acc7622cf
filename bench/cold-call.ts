import { localEnvironment } from '../scripts/local/local-environment.js';
import type { CountedCall } from './aws-call-counter.js';
import type { BenchStack } from './bench-stack.js';
import { startChildWithJsonLine, tsxNode } from './child-process.js';

const COLD_CALL_TIMEOUT_MS = 60_000;

/** What a cold call did: the status it answered and the AWS calls it made. */
export interface ColdCall {
  readonly status: number;
  readonly calls: CountedCall[];
  /** Loading the handler's TypeScript under tsx: an upper bound, see the bundles' init time. */
  readonly loadMs: number;
  readonly invokeMs: number;
}

/** Runs cold-call-child.ts in a new process for one agent call. */
export async function coldAgentCall(
  stack: BenchStack,
  agentId: string,
  token: string,
): Promise<ColdCall> {
  const env = {
    ...process.env,
    ...localEnvironment(stack.environment),
    ...stack.lambdaEnvironment,
    BENCH_COLD_AGENT_ID: agentId,
    BENCH_COLD_TOKEN: token,
  };
  const { child, line } = await startChildWithJsonLine<ColdCall>(
    { ...tsxNode('bench/cold-call-child.ts'), env },
    COLD_CALL_TIMEOUT_MS,
  );
  await child.stop();
  if (line.status !== 200) throw new Error(`cold agent call answered ${line.status}`);
  return line;
}
