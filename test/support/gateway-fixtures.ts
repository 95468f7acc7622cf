import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../functions/auth/principal.js';
import { utcDay } from '../../functions/domain/spend/utc-day.js';
import { AGENTS_TABLE, COUNTERS_TABLE } from '../../lib/definitions/tables.js';
import { awsClientConfig } from '../../scripts/local/aws-target.js';
import type { SeededWorkspace } from '../../scripts/local/seed.js';
import { EmulatorAdmin } from './anthropic-emulator/admin-client.js';
import type { CallRecord } from './anthropic-emulator/call-log.js';
import type { KeyOptions } from './anthropic-emulator/keys.js';
import { newAnthropicKey } from './anthropic-keys.js';
import { type ApiResponse, api, seedTestWorkspace } from './fixtures.js';
import { type LocalApi, localStack, startLocalApi } from './local-api.js';

export { newAnthropicKey };

/** The shared Anthropic emulator's admin API. Never reset it: other files rely on its keys. */
export function emulator(): EmulatorAdmin {
  return new EmulatorAdmin(localStack().anthropicUrl);
}

/** A new key, registered in the emulator (active, every `claude-*` model unless told otherwise). */
export async function registeredKey(options: KeyOptions = {}): Promise<string> {
  const key = newAnthropicKey();
  await emulator().registerKey(key, options);
  return key;
}

/** A local API of this test file and a workspace of its own in the shared stack. */
export interface GatewayHarness {
  readonly url: string;
  readonly workspace: SeededWorkspace<Role>;
  stop(): Promise<void>;
}

/** Starts the local API in this worker and seeds a workspace with every role. */
export async function startGatewayHarness(agents = 1): Promise<GatewayHarness> {
  const localApi: LocalApi = await startLocalApi();
  const workspace = await seedTestWorkspace({ agents });
  return { url: localApi.url, workspace, stop: localApi.stop };
}

/** A marker unique to one request, to find that very request among the emulator's calls. */
export const newMarker = (): string => `marker-${randomUUID()}`;

/** A small Messages API body whose only message carries the marker. */
export function messageBody(marker: string, extra: Record<string, unknown> = {}) {
  return {
    max_tokens: 64,
    messages: [{ role: 'user', content: `Say hello. ${marker}` }],
    ...extra,
  };
}

/** `POST /agents/{id}/messages` as the holder of `token`. */
export function sendMessage(
  url: string,
  token: string,
  agentId: string,
  body: unknown,
): Promise<ApiResponse> {
  return api(`${url}/agents/${agentId}/messages`, token, { method: 'POST', body });
}

/** `PATCH /agents/{id}` as the holder of `token`. */
export function patchAgent(
  url: string,
  token: string,
  agentId: string,
  patch: Record<string, unknown>,
): Promise<ApiResponse> {
  return api(`${url}/agents/${agentId}`, token, { method: 'PATCH', body: patch });
}

/** Switches an agent to BYO with `key` (or saves a new key); throws unless the API says 200. */
export async function useByoKey(
  url: string,
  ownerToken: string,
  agentId: string,
  key: string,
): Promise<ApiResponse> {
  const response = await patchAgent(url, ownerToken, agentId, {
    llmProvider: 'BYO_ANTHROPIC',
    byoApiKey: key,
  });
  if (response.status !== 200) {
    throw new Error(
      `saving the BYO key failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response;
}

/** Every `POST /v1/messages` the emulator recorded, oldest first. */
export async function messageCalls(): Promise<CallRecord[]> {
  const calls = await emulator().calls();
  return calls.filter((call) => call.method === 'POST' && call.path === '/v1/messages');
}

/** The Messages calls made with `apiKey`, leaving out the key checker's one-token pings. */
export async function agentCallsWithKey(apiKey: string): Promise<CallRecord[]> {
  const calls = await messageCalls();
  return calls.filter((call) => call.apiKey === apiKey && !isKeyCheckPing(call));
}

/** The Messages calls whose body holds `marker` anywhere. */
export async function callsCarrying(marker: string): Promise<CallRecord[]> {
  const calls = await messageCalls();
  return calls.filter((call) => JSON.stringify(call.body).includes(marker));
}

function isKeyCheckPing(call: CallRecord): boolean {
  return (call.body as { max_tokens?: unknown } | null)?.max_tokens === 1;
}

/** An agent's audit events of one type, as the API lists them (first page, newest first). */
export async function auditEventsOfType(
  url: string,
  managerToken: string,
  agentId: string,
  type: string,
): Promise<Record<string, unknown>[]> {
  const response = await api(`${url}/agents/${agentId}/audit-events?limit=100`, managerToken);
  if (response.status !== 200) {
    throw new Error(`reading the audit log failed: ${response.status}`);
  }
  const events = response.body.events as Record<string, unknown>[];
  return events.filter((event) => event.type === type);
}

/** The agent's spend for a day as the API reports it. */
export async function spendOf(
  url: string,
  token: string,
  agentId: string,
  day?: string,
): Promise<ApiResponse> {
  const query = day === undefined ? '' : `?day=${encodeURIComponent(day)}`;
  return api(`${url}/agents/${agentId}/spend${query}`, token);
}

/** Today as the service counts days: the UTC date. */
export const today = (): string => utcDay(new Date());

/** The counters table's item for an agent's day, read straight from DynamoDB. */
export function dayCounterItem(
  agentId: string,
  day: string,
): Promise<Record<string, unknown> | undefined> {
  return readItem(COUNTERS_TABLE.envVar, { pk: `AGENT#${agentId}`, sk: `DAY#${day}` });
}

/** An agent's item in the agents table, read straight from DynamoDB. */
export function agentItem(
  workspaceId: string,
  agentId: string,
): Promise<Record<string, unknown> | undefined> {
  return readItem(AGENTS_TABLE.envVar, { pk: `WS#${workspaceId}`, sk: `AGENT#${agentId}` });
}

async function readItem(
  tableEnvVar: string,
  key: { pk: string; sk: string },
): Promise<Record<string, unknown> | undefined> {
  const stack = localStack();
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient(awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region })),
  );
  const TableName = stack.functionEnvironment[tableEnvVar];
  const { Item } = await client.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
  return Item;
}

/** The reservation attributes (`rsv_*`) an item still holds. */
export const reservationsIn = (item: Record<string, unknown> | undefined): string[] =>
  Object.keys(item ?? {}).filter((name) => name.startsWith('rsv_'));

/** The `x-call-cost-microcents` header as a number. */
export const callCostMicroCents = (response: ApiResponse): number =>
  Number(response.headers.get('x-call-cost-microcents'));
