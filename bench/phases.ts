import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localEnvironment } from '../scripts/local/local-environment.js';
import type { BenchStack } from './bench-stack.js';
import { newActiveKey, saveByoKey, seedBenchWorkspace } from './bench-workspace.js';
import { bundleFunctions } from './bundles.js';
import { measureInitTimes } from './init-time.js';
import type { ColdStart } from './results.js';

/** Fresh processes per bundle and setting: the median of at least 20. */
const INIT_RUNS = 21;

/** Four hosted and four BYO agents in one workspace, for the latency and CPU runs. */
export async function seedLatencyAgents(stack: BenchStack) {
  const workspace = await seedBenchWorkspace(stack, 'Latency', 8);
  const hostedAgentIds = workspace.agentIds.slice(0, 4);
  const byoAgentIds = workspace.agentIds.slice(4);
  for (const agentId of byoAgentIds)
    await saveByoKey(workspace, agentId, await newActiveKey(stack));
  return { workspace, hostedAgentIds, byoAgentIds };
}

/**
 * Bundles every function into a temporary folder and times each bundle's
 * import in fresh processes, with the function's environment, once with
 * `--enable-source-maps` (as the construct deploys them) and once without.
 */
export async function measureColdStarts(stack: BenchStack): Promise<ColdStart[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-bundles-'));
  const bundles = await bundleFunctions(outDir);
  const env = {
    ...process.env,
    ...localEnvironment(stack.environment),
    ...stack.lambdaEnvironment,
  };

  // The environment the construct deploys (source maps on), and the same without source maps.
  const targets = bundles.flatMap(({ file }) => [
    { file, env: { ...env, NODE_OPTIONS: '--enable-source-maps' } },
    { file, env: { ...env, NODE_OPTIONS: '' } },
  ]);
  const medians = await measureInitTimes(targets, INIT_RUNS);
  const rows = bundles.map(({ file: _file, metafile: _metafile, ...bundle }, index) => ({
    ...bundle,
    initMs: medians[2 * index]!,
    initWithoutSourceMapsMs: medians[2 * index + 1]!,
    initRuns: INIT_RUNS,
  }));
  console.error(`  bundles and metafiles in ${outDir}`);
  return rows;
}
