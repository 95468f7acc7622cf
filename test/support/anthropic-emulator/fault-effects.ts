import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorReply } from './errors.js';
import type { FaultEffect } from './faults.js';
import { writeReply } from './http-io.js';

/** A JSON body cut short, as when a proxy drops the connection mid-response. */
const TRUNCATED_JSON = '{"type":"message","id":"msg_emu_truncated","content":[{"type":"te';

/** The `retry-after` the API sends with a 429 when the test did not choose one. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Carries out a fault that replaces the answer (every kind but `delay`) and returns the status
 * sent, or null when no HTTP answer is given. A `timeout` leaves the request open on purpose:
 * the client's own timer must fire, and the server's stop() closes the socket later.
 */
export function answerWithFault(
  req: IncomingMessage,
  res: ServerResponse,
  effect: Exclude<FaultEffect, { kind: 'delay' }>,
  requestId: string,
): number | null {
  switch (effect.kind) {
    case 'timeout':
      return null;
    case 'reset':
      req.socket.resetAndDestroy();
      return null;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(TRUNCATED_JSON);
      return 200;
    case 'status':
      writeReply(res, errorReply(effect.status, effect.message, retryHeaders(effect)), requestId);
      return effect.status;
  }
}

/** The API sends `retry-after` (whole seconds) with 429s; other statuses carry it only on request. */
function retryHeaders(effect: {
  status: number;
  retryAfterSeconds?: number;
}): Record<string, string> {
  const seconds =
    effect.retryAfterSeconds ?? (effect.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);

  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
}
