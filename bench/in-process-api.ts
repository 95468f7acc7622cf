import type { IncomingMessage } from 'node:http';
import { matchRoute } from '../functions/http/routes.js';
import { apiGatewayRequestId, toApiEvent } from '../scripts/local/api-event.js';
import {
  type LambdaHandler,
  type LocalFunctionId,
  loadHandler,
  localFunctionName,
} from '../scripts/local/handler-modules.js';
import { lambdaContext } from '../scripts/local/lambda-context.js';
import { captureLogs } from '../test/support/capture-logs.js';

/** The parts of a handler's structured result the bench reads. */
export interface InvokeResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface ApiCall {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** The full path, `/api/v1/agents/agt_…/messages`, with any query string. */
  readonly path: string;
  readonly token: string;
  readonly body?: unknown;
}

const handlers = new Map<LocalFunctionId, LambdaHandler>();

/**
 * The function's handler, imported once. Importing again on every call, as the
 * local API server does, would cost each call a module resolution, which under
 * tsx runs on its loader thread: CPU the bench would count as the function's.
 */
async function handlerOf(functionId: LocalFunctionId): Promise<LambdaHandler> {
  const loaded = handlers.get(functionId) ?? (await loadHandler(functionId));
  handlers.set(functionId, loaded);
  return loaded;
}

/**
 * Calls the handler that serves a route, in this process, with the very event
 * the local API server would build (scripts/local/api-event.ts) and no HTTP
 * hop: what remains is the function's own work and its AWS and Anthropic I/O.
 */
export async function invokeRoute(call: ApiCall): Promise<InvokeResult> {
  const path = call.path.split('?')[0] ?? call.path;
  const match = matchRoute(call.method, path);
  if (!match.route) throw new Error(`no route for ${call.method} ${path}`);

  const body = call.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(call.body));
  const routeKey = `${match.route.method} ${match.route.path}`;
  const route = { routeKey, pathParameters: match.pathParameters };
  const event = toApiEvent(fakeRequest(call, body.length), body, route, apiGatewayRequestId());

  const handler = await handlerOf(match.route.functionId);
  const context = lambdaContext(localFunctionName(match.route.functionId));
  return (await handler(event, context)) as InvokeResult;
}

/** What toApiEvent reads of a request, without a socket. */
function fakeRequest(call: ApiCall, bodyBytes: number): IncomingMessage {
  const headers: Record<string, string> = {
    host: '127.0.0.1',
    authorization: `Bearer ${call.token}`,
    'user-agent': 'agent-llm-bench',
  };
  if (bodyBytes > 0) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(bodyBytes);
  }
  return {
    method: call.method,
    url: call.path,
    httpVersion: '1.1',
    headers,
    rawHeaders: Object.entries(headers).flat(),
    socket: { remoteAddress: '127.0.0.1', localPort: 443 },
  } as unknown as IncomingMessage;
}

/** Throws unless the result has the expected status, with the body to say why. */
export function expectStatus(result: InvokeResult, status: number, what: string): InvokeResult {
  if (result.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${result.statusCode} ${result.body}`);
  }
  return result;
}

/** invokeRoute with the function's log lines kept out of the bench's output. */
export async function invokeQuietly(call: ApiCall): Promise<InvokeResult> {
  const logs = captureLogs();
  try {
    return await invokeRoute(call);
  } finally {
    logs.stop();
  }
}
