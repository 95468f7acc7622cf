import { request } from 'node:http';
import { openApiDocument } from '../../../functions/http/openapi/document.js';
import { ContractValidator, type ObservedAnswer } from './contract-validator.js';

/** An answer with what it took to get it: the raw text, and the body parsed when JSON. */
export interface Exchange extends ObservedAnswer {
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked by expect() and the contract.
  readonly body: any;
}

export interface SendOptions {
  readonly method?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** An object is sent as JSON; a string or bytes as they are. */
  readonly body?: unknown;
}

/**
 * A client of the local API that checks every answer against the served
 * contract. Paths go out exactly as written (node:http does not resolve
 * `..` or `%2e%2e` the way fetch does), so hostile paths reach the server.
 */
export class SecurityClient {
  readonly #origin: URL;
  readonly #validator = new ContractValidator(openApiDocument());
  readonly #violations: string[] = [];
  /** Answers received so far, for figures and scans. */
  readonly exchanges: Exchange[] = [];

  /** @param apiUrl `http://127.0.0.1:<port>/api/v1`; paths are relative to it unless absolute. */
  constructor(readonly apiUrl: string) {
    this.#origin = new URL(apiUrl);
  }

  /** Sends a request to `path` (`/agents/…`, or `//raw` for a path outside the API base). */
  async send(path: string, options: SendOptions = {}): Promise<Exchange> {
    const fullPath = path.startsWith('//') ? path.slice(1) : `${this.#origin.pathname}${path}`;
    const { headers, payload } = requestParts(options);
    const method = options.method ?? 'GET';

    const answer = await roundTrip(this.#origin, { method, path: fullPath, headers, payload });
    const exchange: Exchange = { method, path: fullPath.split('?')[0]!, ...answer };
    this.exchanges.push(exchange);
    this.#violations.push(...this.#validator.violations(exchange));
    return exchange;
  }

  /** Contract violations since the last call; a test's `afterEach` expects none. */
  takeViolations(): string[] {
    return this.#violations.splice(0);
  }
}

function requestParts(options: SendOptions) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;

  const { body } = options;
  if (body === undefined) return { headers, payload: undefined };
  if (typeof body === 'string' || body instanceof Uint8Array) {
    return { headers, payload: Buffer.from(body) };
  }
  headers['content-type'] ??= 'application/json';
  return { headers, payload: Buffer.from(JSON.stringify(body)) };
}

interface Outgoing {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly payload?: Buffer;
}

/** One HTTP/1.1 exchange on loopback, bounded by a timeout. */
function roundTrip(origin: URL, outgoing: Outgoing) {
  return new Promise<Omit<Exchange, 'method' | 'path'>>((done, fail) => {
    const req = request(
      {
        host: origin.hostname,
        port: origin.port,
        method: outgoing.method,
        path: outgoing.path,
        headers: outgoing.payload
          ? { ...outgoing.headers, 'content-length': String(outgoing.payload.length) }
          : outgoing.headers,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(parsed(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))));
        res.on('error', fail);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${outgoing.method} ${outgoing.path} timed out`)),
    );
    req.on('error', fail);
    req.end(outgoing.payload);
  });
}

function parsed(status: number, raw: Record<string, string | string[] | undefined>, bytes: Buffer) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const text = bytes.toString('utf8');
  const isJson = headers['content-type']?.includes('json') && text !== '';
  return { status, headers, text, body: isJson ? JSON.parse(text) : text };
}
