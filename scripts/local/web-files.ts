import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WEB_SECURITY_HEADERS } from '../../web/security-headers.js';
import { rawPathOf } from './api-event.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** True for paths the API owns: the same split CloudFront makes with its `/api/*` behaviour. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Serves a file of the built web app, as the CloudFront distribution does on
 * AWS: GET and HEAD only, `/` as index.html, nothing outside the root, no
 * directory listings, and the app's security headers on every answer.
 */
export async function serveWebFile(
  req: IncomingMessage,
  res: ServerResponse,
  webRoot: string,
): Promise<void> {
  for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return plain(res, 405, 'Method not allowed');
  }

  const file = await fileFor(rawPathOf(req), webRoot);
  if (!file) return plain(res, 404, 'Not found');

  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream',
    'content-length': file.bytes,
    'cache-control': file.path.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file.path).pipe(res);
}

/** The regular file a URL path names inside the root, or undefined. */
async function fileFor(rawPath: string, webRoot: string) {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;

  const relative = normalize(path === '/' ? '/index.html' : path);
  const absolute = join(webRoot, relative);
  if (!absolute.startsWith(`${webRoot}${sep}`)) return undefined;

  const info = await stat(absolute).catch(() => undefined);
  return info?.isFile() ? { path: absolute, bytes: info.size } : undefined;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-cache',
  });
  res.end(text);
}
