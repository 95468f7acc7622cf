import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { API_BASE_PATH, matchRoute } from '../../functions/http/routes.js';
import { apiGatewayRequestId, type MatchedRoute, rawPathOf, toApiEvent } from './api-event.js';
import { writeError, writeResult } from './api-response.js';
import { type LocalFunctionId, loadHandler, localFunctionName } from './handler-modules.js';
import { lambdaContext } from './lambda-context.js';
import { describeError, logLine } from './local-log.js';
import { readBody } from './request-body.js';
import { isApiPath, serveWebFile } from './web-files.js';

/** API Gateway's payload limit for HTTP APIs: 10 MiB. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface ApiServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /**
   * A built web app (`web/dist`) to serve for every path outside `/api/`, on
   * the API's origin as CloudFront does on AWS. Without it, such paths reach
   * the fallback function, as they would on a bare API Gateway.
   */
  readonly webRoot?: string;
}

/** A running local API. */
export interface ApiServer {
  /** `http://127.0.0.1:<port>/api/v1`, the base every route path starts with. */
  readonly url: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>/`, when a web root is served. */
  readonly webUrl?: string;
  stop(): Promise<void>;
}

/**
 * Serves the HTTP API locally the way API Gateway does on AWS: each request
 * becomes a payload format 2.0 event for the handler module Lambda runs,
 * chosen with the shared route table. Unlike Lambda, one process serves
 * concurrent requests, so module-level state is shared between them.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const webRoot = options.webRoot ? resolve(options.webRoot) : undefined;
  const server = createServer((req, res) => {
    serve(req, res, webRoot).catch((error: unknown) => {
      logLine('ERROR', 'local api failure', { error: describeError(error) });
      res.destroy();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => done());
  });
  const { port } = server.address() as AddressInfo;

  const stop = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  const webUrl = webRoot ? { webUrl: `http://${host}:${port}/` } : {};
  return { url: `http://${host}:${port}${API_BASE_PATH}`, port, ...webUrl, stop };
}

async function serve(req: IncomingMessage, res: ServerResponse, webRoot?: string): Promise<void> {
  const startedMs = performance.now();
  const requestId = apiGatewayRequestId();

  if (webRoot && !isApiPath(rawPathOf(req))) {
    await serveWebFile(req, res, webRoot);
  } else {
    res.setHeader('apigw-requestid', requestId);
    await answer(req, res, requestId);
  }

  if (process.env.LOG_REQUESTS === '1') {
    const durationMs = Math.round(performance.now() - startedMs);
    const request = { method: req.method, path: rawPathOf(req), requestId };
    logLine('INFO', 'request', { ...request, status: res.statusCode, durationMs });
  }
}

/** Refuses what API Gateway refuses, else answers with the handler's result, or a bare 500. */
async function answer(req: IncomingMessage, res: ServerResponse, requestId: string) {
  const body = await readBody(req, MAX_PAYLOAD_BYTES);
  if (body.tooLarge) {
    const limit = `The request body may be at most ${MAX_PAYLOAD_BYTES} bytes`;
    return writeError(res, 'payload_too_large', limit, requestId);
  }

  const { functionId, route } = dispatch(req);
  const event = toApiEvent(req, body.bytes, route, requestId);
  try {
    writeResult(res, await invoke(functionId, event));
  } catch (error) {
    logLine('ERROR', 'handler failed', { functionId, requestId, error: describeError(error) });
    writeError(res, 'internal_error', 'Internal error', requestId);
  }
}

/** The function that serves a request, as API Gateway's routes decide; `$default` otherwise. */
function dispatch(req: IncomingMessage): { functionId: LocalFunctionId; route: MatchedRoute } {
  const match = matchRoute(req.method ?? 'GET', rawPathOf(req));
  if (!match.route) {
    return { functionId: 'fallback', route: { routeKey: '$default', pathParameters: {} } };
  }

  const routeKey = `${match.route.method} ${match.route.path}`;
  const route = { routeKey, pathParameters: match.pathParameters };
  return { functionId: match.route.functionId, route };
}

/**
 * Calls the handler and passes its result through JSON, as the Lambda runtime
 * does, so a result that would not survive on AWS does not survive here.
 */
async function invoke(functionId: LocalFunctionId, event: unknown): Promise<unknown> {
  const handler = await loadHandler(functionId);
  const result = await handler(event, lambdaContext(localFunctionName(functionId)));
  return result === undefined ? null : JSON.parse(JSON.stringify(result));
}
