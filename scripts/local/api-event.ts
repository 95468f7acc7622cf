import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from './aws-target.js';

/** Which route API Gateway matched: `'PATCH /api/v1/agents/{id}'` or `'$default'`. */
export interface MatchedRoute {
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
}

/** An id in the shape of API Gateway's HTTP API request ids, e.g. `JKJaXmPLvHcESHA=`. */
export function apiGatewayRequestId(): string {
  return randomBytes(10).toString('base64');
}

/** The path as the client sent it, still percent-encoded, without the query string. */
export function rawPathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] || '/';
}

/**
 * The event API Gateway (HTTP API, payload format 2.0) sends a Lambda for this
 * request. Optional fields are left out when empty, as API Gateway does, so
 * handlers meet the same `undefined`s locally as on AWS.
 */
export function toApiEvent(
  req: IncomingMessage,
  body: Buffer,
  route: MatchedRoute,
  requestId: string,
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://local');
  const rawPath = rawPathOf(req);
  const rawQueryString = url.search.slice(1);
  const cookies = requestCookies(req);
  const hasParameters = Object.keys(route.pathParameters).length > 0;

  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers: requestHeaders(req),
    ...(rawQueryString ? { queryStringParameters: joinedParameters(url.searchParams) } : {}),
    requestContext: requestContext(req, rawPath, route.routeKey, requestId),
    ...(hasParameters ? { pathParameters: { ...route.pathParameters } } : {}),
    ...bodyFields(body, req.headers['content-type']),
  };
}

/** Lower-case names, repeated headers joined with commas; cookies travel apart, in `cookies`. */
function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') continue;
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }

  headers['x-forwarded-for'] = sourceIp(req);
  headers['x-forwarded-port'] = String(req.socket.localPort ?? '');
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

function requestCookies(req: IncomingMessage): string[] {
  const header = req.headers.cookie ?? '';
  return header
    .split(';')
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie !== '');
}

/** Decoded query parameters, repeated names joined with commas as API Gateway does. */
function joinedParameters(params: URLSearchParams): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const name of new Set(params.keys())) joined[name] = params.getAll(name).join(',');
  return joined;
}

function requestContext(req: IncomingMessage, path: string, routeKey: string, requestId: string) {
  const host = req.headers.host ?? '127.0.0.1';
  const now = new Date();

  return {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: 'local',
    domainName: host,
    domainPrefix: host.split(/[.:]/)[0] ?? host,
    http: {
      method: req.method ?? 'GET',
      path,
      protocol: `HTTP/${req.httpVersion}`,
      sourceIp: sourceIp(req),
      userAgent: req.headers['user-agent'] ?? '',
    },
    requestId,
    routeKey,
    stage: '$default',
    time: apiGatewayTime(now),
    timeEpoch: now.getTime(),
  };
}

function sourceIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
function apiGatewayTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day}:${time} +0000`;
}

const TEXT_CONTENT =
  /^(text\/|application\/([\w.+-]+\+)?(json|xml)|application\/x-www-form-urlencoded)/i;

/** Text bodies pass as strings; anything else (or no content type) as base64. */
function bodyFields(body: Buffer, contentType: string | undefined) {
  if (body.length === 0) return { isBase64Encoded: false };
  if (contentType && TEXT_CONTENT.test(contentType.trim())) {
    return { body: body.toString('utf8'), isBase64Encoded: false };
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
}
