import { startApiServerProcess } from './api-server-process.js';
import type { BenchStack } from './bench-stack.js';
import type { BenchWorkspace } from './bench-workspace.js';
import {
  directTarget,
  gatewayTarget,
  type LatencyTarget,
  liteLlmTarget,
} from './latency-targets.js';
import { type LiteLlmProxy, startLiteLlmProxy } from './litellm-proxy.js';
import { measureOverhead, type OverheadPlan, type TargetLatency } from './overhead.js';
import type { PeerSetup } from './peer.js';
import type { PeerStatus } from './results.js';

/** The model every path calls: the hosted agents' default. */
const MODEL = 'claude-opus-4-7';
const LITELLM_VERSION = '1.105.7';

const PLANS: readonly OverheadPlan[] = [
  { concurrency: 1, rounds: 5, callsPerRound: 50, warmupCalls: 20, maxRoundMs: 20_000 },
  { concurrency: 16, rounds: 5, callsPerRound: 100, warmupCalls: 48, maxRoundMs: 20_000 },
];

interface LatencyAgents {
  readonly workspace: BenchWorkspace;
  readonly hostedAgentIds: readonly string[];
  readonly byoAgentIds: readonly string[];
}

async function startPeer(
  stack: BenchStack,
  setup: PeerSetup,
): Promise<{ proxy?: LiteLlmProxy; status: PeerStatus }> {
  const blocker = setup.databaseBlocker ? { databaseBlocker: setup.databaseBlocker } : {};
  if (setup.failure)
    return { status: { ran: false, mode: 'not run', failure: setup.failure, ...blocker } };
  try {
    const proxy = await startLiteLlmProxy({
      emulatorUrl: stack.emulator.url,
      anthropicApiKey: stack.hostedApiKey,
      model: MODEL,
    });
    const mode = setup.databaseBlocker
      ? `${LITELLM_VERSION} without its database (master key only: no virtual key, no budget)`
      : `${LITELLM_VERSION} without its database (the bench does not set one up)`;
    return { proxy, status: { ran: true, mode, ...blocker } };
  } catch (error) {
    return {
      status: {
        ran: false,
        mode: 'not run',
        failure: (error as Error).message.split('\n')[0],
        ...blocker,
      },
    };
  }
}

/**
 * The local API in its own process and LiteLLM, both against the same
 * emulator, timed side by side with the direct SDK call. Both are stopped
 * afterwards, so that later in-process measurements have the CPU to themselves.
 */
export async function measureLatency(
  stack: BenchStack,
  agents: LatencyAgents,
  setup: PeerSetup,
): Promise<{ latency: TargetLatency[]; peer: PeerStatus }> {
  const api = await startApiServerProcess(stack.environment, stack.lambdaEnvironment);
  const { proxy, status } = await startPeer(stack, setup);
  try {
    const targets: LatencyTarget[] = [
      directTarget(stack.emulator.url, stack.hostedApiKey, MODEL),
      gatewayTarget('gateway, hosted', api.url, agents.workspace, agents.hostedAgentIds),
      gatewayTarget('gateway, BYO', api.url, agents.workspace, agents.byoAgentIds),
      ...(proxy ? [liteLlmTarget(proxy.url, proxy.apiKey, MODEL)] : []),
    ];
    const latency: TargetLatency[] = [];
    for (const plan of PLANS) latency.push(...(await measureOverhead(targets, plan)));
    return { latency, peer: status };
  } finally {
    await proxy?.stop();
    await api.stop();
    await stack.emulator.admin.clearCalls();
  }
}
