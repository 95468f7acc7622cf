import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiReply } from './errors.js';

/** The real Messages API's request size limit; larger bodies get 413 request_too_large. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A request body as read: its text, or a flag saying it exceeded the limit. */
export type RequestBody = { tooLarge: false; text: string } | { tooLarge: true };

/**
 * Reads the whole body. Past the limit it keeps draining without storing, so the client sees a
 * clean 413 instead of a broken pipe while still uploading.
 */
export async function readBody(
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let sizeBytes = 0;

  for await (const chunk of req) {
    sizeBytes += (chunk as Buffer).length;
    if (sizeBytes <= maxBytes) {
      chunks.push(chunk as Buffer);
    }
  }

  if (sizeBytes > maxBytes) {
    return { tooLarge: true };
  }
  return { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') };
}

/** Parses a body as JSON, giving null for an empty or unparsable body. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return null;
  }

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Writes a reply as JSON. Error bodies get `request_id` here, from the same id as the
 * `request-id` header, so the two always agree as they do in the real API.
 */
export function writeReply(res: ServerResponse, reply: ApiReply, requestId: string): void {
  const body =
    reply.status >= 400 ? { ...(reply.body as object), request_id: requestId } : reply.body;
  const payload = JSON.stringify(body);

  res.writeHead(reply.status, {
    ...reply.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** Writes a 204 with no body, the admin API's answer to every successful command. */
export function writeNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}
