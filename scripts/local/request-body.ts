import type { IncomingMessage } from 'node:http';

/** A request body read whole, or the news that it was over the limit. */
export type RequestBody = { tooLarge: false; bytes: Buffer } | { tooLarge: true };

/**
 * Reads a request body up to `maxBytes`. Past the limit the rest is read and
 * dropped rather than the socket cut, so the client gets to read the 413
 * instead of a connection reset in the middle of its upload.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let sizeBytes = 0;

  for await (const chunk of req as AsyncIterable<Buffer>) {
    sizeBytes += chunk.length;
    if (sizeBytes <= maxBytes) chunks.push(chunk);
  }
  if (sizeBytes > maxBytes) return { tooLarge: true };
  return { tooLarge: false, bytes: Buffer.concat(chunks) };
}
