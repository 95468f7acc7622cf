import { captureLogs } from '../test/support/capture-logs.js';
import type { BenchStack } from './bench-stack.js';
import { type BenchWorkspace, messageBody } from './bench-workspace.js';
import { expectStatus, invokeRoute } from './in-process-api.js';

/** Bytes of headers, as `name: value\r\n` lines. */
const headerBytes = (headers: Readonly<Record<string, unknown>>) =>
  Object.entries(headers).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(`${name}: ${String(value)}\r\n`),
    0,
  );

/**
 * What one agent call sends out of AWS, which AWS bills as data transfer:
 * the answer to the client (body and headers) and the request the gateway
 * sends Anthropic (its body as the emulator received it, and its headers).
 */
export async function bytesOutPerCall(
  stack: BenchStack,
  workspace: BenchWorkspace,
  agentId: string,
): Promise<number> {
  await stack.emulator.admin.clearCalls();
  const logs = captureLogs();
  const result = await invokeRoute({
    method: 'POST',
    path: `/api/v1/agents/${agentId}/messages`,
    token: workspace.tokens.MEMBER,
    body: messageBody(),
  }).finally(() => logs.stop());
  expectStatus(result, 200, 'agent call');

  const upstream = (await stack.emulator.admin.calls()).find(
    (call) => call.path === '/v1/messages',
  );
  if (!upstream) throw new Error('the emulator saw no Messages call');
  // The emulator keeps the key out of its record; it travelled as `x-api-key`.
  const keyHeader = upstream.apiKey ? { 'x-api-key': upstream.apiKey } : {};
  const upstreamHeaders = headerBytes({ ...upstream.headers, ...keyHeader });
  const upstreamBytes = Buffer.byteLength(JSON.stringify(upstream.body)) + upstreamHeaders;
  return Buffer.byteLength(result.body) + headerBytes(result.headers) + upstreamBytes;
}
