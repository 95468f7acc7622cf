import Anthropic from '@anthropic-ai/sdk';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { awsClients } from '../functions/adapters/aws-clients.js';
import { AGENTS_TABLE } from '../lib/definitions/tables.js';
import type { BenchStack } from './bench-stack.js';
import { messageBody } from './bench-workspace.js';

const CALLS = 200;
const MODEL = 'claude-opus-4-7';

/** CPU of one building block of an agent call, measured alone in this process. */
export interface CpuBaseline {
  readonly what: string;
  readonly cpuMicrosPerCall: number;
}

async function cpuPerCall(calls: number, action: () => Promise<unknown>): Promise<number> {
  for (let index = 0; index < 20; index += 1) await action();
  const before = process.cpuUsage();
  for (let index = 0; index < calls; index += 1) await action();
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / calls);
}

/**
 * What the blocks of a warm agent call cost alone, to read the handler's CPU
 * against: a DynamoDB read through the functions' own client (moto's server
 * closes every connection, so each also opens one), and an Anthropic call with
 * a reused client and with a new client per call, which is what
 * functions/adapters/anthropic/llm-client.ts does.
 */
export async function measureCpuBaselines(stack: BenchStack): Promise<CpuBaseline[]> {
  const TableName = stack.environment.functionEnvironment[AGENTS_TABLE.envVar];
  const read = () =>
    awsClients.dynamoDbDocument.send(
      new GetCommand({ TableName, Key: { pk: 'none', sk: 'none' } }),
    );
  const options = {
    apiKey: stack.hostedApiKey,
    authToken: null,
    baseURL: stack.emulator.url,
    maxRetries: 0,
  };
  const body = { ...messageBody(MODEL), model: MODEL } as Anthropic.MessageCreateParamsNonStreaming;
  const reused = new Anthropic(options);

  return [
    {
      what: "one DynamoDB GetItem (the functions' client, moto)",
      cpuMicrosPerCall: await cpuPerCall(CALLS, read),
    },
    {
      what: 'one Anthropic call, client reused',
      cpuMicrosPerCall: await cpuPerCall(CALLS, () => reused.messages.create(body)),
    },
    {
      what: 'one Anthropic call, new client per call (as the gateway)',
      cpuMicrosPerCall: await cpuPerCall(CALLS, () => new Anthropic(options).messages.create(body)),
    },
  ];
}
