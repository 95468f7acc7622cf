import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PREFIX, handleAdmin } from './admin-routes.js';
import { routeApi } from './api-router.js';
import { extractApiKey } from './auth.js';
import { errorReply, newRequestId } from './errors.js';
import { answerWithFault } from './fault-effects.js';
import { parseJson, type RequestBody, readBody, writeNoContent, writeReply } from './http-io.js';
import type { EmulatorState } from './state.js';

/** A running HTTP server for the emulator and the means to stop it completely. */
export interface EmulatorServer {
  server: Server;
  /** Closes every socket, held timeouts and pending delays included, so the process can exit. */
  stop(): Promise<void>;
}

/**
 * Creates the emulator's HTTP server around a state. Every answer carries a `request-id` header
 * because the SDK copies it onto errors and services log it.
 */
export function createEmulatorServer(state: EmulatorState): EmulatorServer {
  const shutdown = new AbortController();
  const server = createServer((req, res) => {
    handle(state, req, res, shutdown.signal).catch((error: unknown) => failSafely(res, error));
  });

  const stop = async (): Promise<void> => {
    shutdown.abort();

    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };

  return { server, stop };
}

/** One request in flight, with what every handler needs to answer it. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  method: string;
  path: string;
  body: RequestBody;
}

async function handle(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const requestId = newRequestId();
  res.setHeader('request-id', requestId);

  const path = new URL(req.url ?? '/', 'http://emulator').pathname;
  const exchange = {
    req,
    res,
    requestId,
    method: req.method ?? 'GET',
    path,
    body: await readBody(req),
  };

  if (path.startsWith(ADMIN_PREFIX)) {
    const reply = handleAdmin(state, exchange.method, path, jsonOf(exchange.body));
    return reply.status === 204 ? writeNoContent(res) : writeReply(res, reply, requestId);
  }
  if (!path.startsWith('/v1/')) {
    return writeReply(res, errorReply(404, `Not found: ${exchange.method} ${path}`), requestId);
  }

  await answerApi(state, exchange, signal);
}

/**
 * Answers a `/v1/*` call: records it on arrival (so a held timeout is visible at once), takes
 * the next matching fault, waits out the latency, then answers with the fault or the route.
 */
async function answerApi(
  state: EmulatorState,
  exchange: Exchange,
  signal: AbortSignal,
): Promise<void> {
  const { req, res, requestId, method, path, body } = exchange;
  const apiKey = extractApiKey(req.headers);
  const json = jsonOf(body);
  const record = state.calls.record({ method, path, apiKey, body: json }, req.headers);
  const fault = state.faults.take(apiKey, path);

  const delayMs = state.config.latencyMs + (fault?.kind === 'delay' ? fault.latencyMs : 0);
  await sleep(delayMs, undefined, { signal });

  if (fault && fault.kind !== 'delay') {
    record.status = answerWithFault(req, res, fault, requestId);
    return;
  }

  const reply = body.tooLarge ? errorReply(413) : routeApi(state, method, path, apiKey, json);
  writeReply(res, reply, requestId);
  record.status = reply.status;
}

function jsonOf(body: RequestBody): unknown {
  return body.tooLarge ? null : parseJson(body.text);
}

/** A stop() mid-delay aborts the sleep; anything else is an emulator bug, reported as a 500. */
function failSafely(res: ServerResponse, error: unknown): void {
  if (error instanceof Error && error.name === 'AbortError') {
    return;
  }
  if (!res.headersSent && !res.destroyed) {
    const requestId = String(res.getHeader('request-id'));
    writeReply(res, errorReply(500, `emulator failure: ${String(error)}`), requestId);
  }
}
