import { connect } from 'node:net';
import { expect } from 'vitest';
import { openApiDocument } from '../../../../functions/http/openapi/document.js';
import { ContractValidator } from '../../../security/support/contract-validator.js';

/** A raw HTTP/1.1 answer: its status, headers and JSON body when it has one. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: checked by expect().
  readonly json?: any;
}

/**
 * One request written byte for byte on a fresh connection: fetch and
 * node:http refuse to send a CR or LF inside a header, an attacker does not.
 * `lines` are the request line and headers; the length and `Connection:
 * close` are added.
 */
export function sendRaw(apiUrl: string, lines: readonly string[], body = ''): Promise<RawAnswer> {
  const url = new URL(apiUrl);
  const head = [...lines, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      try {
        done(parseRaw(Buffer.concat(chunks).toString('utf8'), lines[0]!));
      } catch (error) {
        fail(error);
      }
    });
    socket.on('error', fail);
    // Not end(): a server may drop a request whose connection the client half-closed.
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}

const validator = new ContractValidator(openApiDocument());

/**
 * Status, headers and a JSON body (chunked or not) of a raw HTTP/1.1 answer;
 * one in the error envelope is checked against the contract. Answers the
 * HTTP server gives before any function runs (400 for a malformed request,
 * 431) carry no body, as API Gateway's own do not carry the API's envelope.
 */
function parseRaw(text: string, requestLine: string): RawAnswer {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const rest = text.slice(split + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunked(rest) : rest;
  const json = headers['content-type']?.includes('json') ? JSON.parse(body) : undefined;
  const status = Number(statusLine.split(' ')[1]);
  if (json) {
    const [method = '', path = ''] = requestLine.split(' ');
    expect(validator.violations({ method, path, status, headers, body: json })).toEqual([]);
  }
  return { status, headers, json };
}

/** The payload of a chunked body: each chunk is its size in hex, CRLF, the bytes, CRLF. */
function dechunked(text: string): string {
  let payload = '';
  let at = 0;
  for (let chunks = 0; chunks < 10_000; chunks += 1) {
    const lineEnd = text.indexOf('\r\n', at);
    const size = Number.parseInt(text.slice(at, lineEnd), 16);
    if (!size) return payload;
    payload += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
  return payload;
}
