import type { APIGatewayProxyResultV2 } from 'aws-lambda';

/** Headers every JSON answer carries: nothing an agent's settings page should let a cache keep. */
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export type HttpResult = APIGatewayProxyResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};

/** A JSON answer in the shape API Gateway's payload format 2.0 expects. */
export function jsonResult(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode,
    headers: { ...BASE_HEADERS, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId: string;
  readonly [detail: string]: unknown;
}

/** The one error envelope of the API: `{"error": {"code", "message", "requestId", …details}}`. */
export function errorResult(
  statusCode: number,
  error: ErrorBody,
  headers: Record<string, string> = {},
): HttpResult {
  return jsonResult(statusCode, { error }, headers);
}
