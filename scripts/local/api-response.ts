import type { ServerResponse } from 'node:http';
import { errorResult } from '../../functions/http/envelope.js';
import { ERROR_STATUS, type ErrorCode } from '../../functions/shared/errors.js';

/** The structured answer of a payload format 2.0 Lambda. */
interface StructuredResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

function isStructured(result: unknown): result is StructuredResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as Partial<StructuredResult>).statusCode === 'number'
  );
}

/**
 * Writes a handler's result as API Gateway would: a structured result as given
 * (each cookie becomes a `set-cookie`, a base64 body is decoded), anything else
 * as a 200 whose JSON body is the result itself.
 */
export function writeResult(res: ServerResponse, result: unknown): void {
  if (!isStructured(result)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result ?? null));
    return;
  }

  for (const [name, value] of Object.entries(result.headers ?? {})) {
    res.setHeader(name, String(value));
  }
  if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);

  const body = result.body ?? '';
  res.writeHead(result.statusCode);
  res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** Answers with the service's error envelope, for failures that happen before any handler. */
export function writeError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  requestId: string,
): void {
  writeResult(res, errorResult(ERROR_STATUS[code], { code, message, requestId }));
}
