import { awsClients } from '../functions/adapters/aws-clients.js';
import { invokeCapReset } from '../scripts/local/scheduler-event.js';
import { captureLogs } from '../test/support/capture-logs.js';
import { type AwsCallCounter, countAwsCalls } from './aws-call-counter.js';
import type { BenchStack } from './bench-stack.js';
import {
  type BenchWorkspace,
  messageBody,
  newActiveKey,
  saveByoKey,
  seedBenchWorkspace,
} from './bench-workspace.js';
import { type CallSummary, summariseCalls } from './call-summary.js';
import { coldAgentCall } from './cold-call.js';
import { type ApiCall, expectStatus, invokeRoute } from './in-process-api.js';

/** The AWS calls of one operation of the service. */
export interface OperationCalls extends CallSummary {
  readonly operation: string;
}

/** A day long past, so the job finds no capped or active agent: what a run costs at the least. */
const EMPTY_RUN_SCHEDULED_TIME = '2001-01-03T00:00:00Z';

/** Counts what one operation sends to AWS; its log lines are captured, not printed. */
async function counted(
  counter: AwsCallCounter,
  operation: string,
  action: () => Promise<unknown>,
): Promise<OperationCalls> {
  const logs = captureLogs();
  counter.clear();
  try {
    await action();
  } finally {
    logs.stop();
  }
  return { operation, ...summariseCalls(counter.calls()) };
}

/** A request through the real handler that must answer 200. */
const request = (call: ApiCall) => async () =>
  expectStatus(await invokeRoute(call), 200, `${call.method} ${call.path}`);

const agentCall = (workspace: BenchWorkspace, agentId: string) =>
  request({
    method: 'POST',
    path: `/api/v1/agents/${agentId}/messages`,
    token: workspace.tokens.MEMBER,
    body: messageBody(),
  });

/** Set, rotate and revert one agent's key, as an OWNER does with `PATCH /agents/{id}`. */
async function keyChanges(counter: AwsCallCounter, stack: BenchStack, workspace: BenchWorkspace) {
  const agentId = workspace.agentIds[0]!;
  const patch = (body: unknown) =>
    request({
      method: 'PATCH',
      path: `/api/v1/agents/${agentId}`,
      token: workspace.tokens.OWNER,
      body,
    });
  const [firstKey, secondKey] = [await newActiveKey(stack), await newActiveKey(stack)];
  return [
    await counted(
      counter,
      'set BYO key',
      patch({ llmProvider: 'BYO_ANTHROPIC', byoApiKey: firstKey }),
    ),
    await counted(counter, 'rotate BYO key', patch({ byoApiKey: secondKey })),
    await counted(counter, 'revert to hosted', patch({ llmProvider: 'HOSTED_ANTHROPIC' })),
  ];
}

/** Warm calls (an agent's second in this process), then cold ones (a new process each). */
async function agentCalls(counter: AwsCallCounter, stack: BenchStack, workspace: BenchWorkspace) {
  const agents = [
    ['hosted', workspace.agentIds[1]!],
    ['BYO', workspace.agentIds[2]!],
  ] as const;
  const results: OperationCalls[] = [];
  for (const [label, agentId] of agents) {
    await counted(counter, 'first call', agentCall(workspace, agentId));
    results.push(
      await counted(counter, `warm agent call, ${label}`, agentCall(workspace, agentId)),
    );
  }
  for (const [label, agentId] of agents) {
    const cold = await coldAgentCall(stack, agentId, workspace.tokens.MEMBER);
    results.push({ operation: `cold agent call, ${label}`, ...summariseCalls(cold.calls) });
  }
  return results;
}

/**
 * Runs each operation once through the real handlers and counts its AWS
 * calls with a middleware on the clients of functions/adapters/aws-clients.ts.
 * Three agents: one whose key is set, rotated and removed, one hosted and one BYO.
 */
export async function countOperations(stack: BenchStack): Promise<OperationCalls[]> {
  const workspace = await seedBenchWorkspace(stack, 'Operations', 3);
  await saveByoKey(workspace, workspace.agentIds[2]!, await newActiveKey(stack));
  const spendRead = request({
    method: 'GET',
    path: `/api/v1/agents/${workspace.agentIds[1]}/spend`,
    token: workspace.tokens.MEMBER,
  });

  const { dynamoDb, secretsManager, kms } = awsClients;
  const counter = countAwsCalls({ dynamoDb, secretsManager, kms });
  try {
    return [
      ...(await keyChanges(counter, stack, workspace)),
      ...(await agentCalls(counter, stack, workspace)),
      await counted(counter, 'spend read', spendRead),
      await counted(counter, 'reset job, nothing to reset', () =>
        invokeCapReset(new Date(EMPTY_RUN_SCHEDULED_TIME)),
      ),
    ];
  } finally {
    counter.stop();
  }
}
