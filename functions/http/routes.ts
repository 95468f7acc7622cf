/**
 * Every route of the HTTP API and the function that serves it. The CDK stack
 * creates one API Gateway route per entry, the local stack dispatches with the
 * same table, and the fallback function answers 404 or 405 from it, so the
 * three always agree on what exists.
 */
export const API_BASE_PATH = '/api/v1';

export type FunctionId = 'agents-read' | 'agents-write' | 'gateway';
export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Path in API Gateway syntax, with `{name}` parameters. */
  readonly path: string;
  readonly functionId: FunctionId;
  /** Largest body accepted; settings are small, prompts are not. Defaults to 64 KiB. */
  readonly maxBodyBytes?: number;
}

/** Largest prompt the gateway forwards: far below Lambda's 6 MB payload limit. */
export const MAX_MESSAGE_BODY_BYTES = 1024 * 1024;

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: `${API_BASE_PATH}/agents`, functionId: 'agents-read' },
  { method: 'POST', path: `${API_BASE_PATH}/agents`, functionId: 'agents-write' },
  { method: 'GET', path: `${API_BASE_PATH}/agents/{id}`, functionId: 'agents-read' },
  { method: 'PATCH', path: `${API_BASE_PATH}/agents/{id}`, functionId: 'agents-write' },
  { method: 'GET', path: `${API_BASE_PATH}/agents/{id}/audit-events`, functionId: 'agents-read' },
  { method: 'GET', path: `${API_BASE_PATH}/agents/{id}/spend`, functionId: 'agents-read' },
  {
    method: 'POST',
    path: `${API_BASE_PATH}/agents/{id}/messages`,
    functionId: 'gateway',
    maxBodyBytes: MAX_MESSAGE_BODY_BYTES,
  },
  { method: 'GET', path: `${API_BASE_PATH}/usage`, functionId: 'agents-read' },
];

/**
 * Compiles a route path into a matcher that yields its path parameters. A
 * parameter is one segment of up to 64 id characters, so `.` and `..` are
 * never ids.
 */
export function compilePath(path: string): RegExp {
  const pattern = path.replace(/\{([a-zA-Z]+)\}/g, '(?<$1>[A-Za-z0-9_-]{1,64})');
  return new RegExp(`^${pattern}/?$`);
}

export interface RouteMatch {
  readonly route?: RouteDefinition;
  readonly pathParameters: Record<string, string>;
  /** Methods the path accepts; non-empty with no route means 405. */
  readonly allowedMethods: readonly HttpMethod[];
}

const COMPILED = ROUTES.map((route) => ({ route, matcher: compilePath(route.path) }));

/** Finds the route for a request, or the methods its path allows. */
export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = COMPILED.map(({ route, matcher }) => ({ route, match: matcher.exec(path) }));
  const onPath = candidates.filter((candidate) => candidate.match !== null);
  const exact = onPath.find((candidate) => candidate.route.method === method);

  return {
    route: exact?.route,
    pathParameters: { ...(exact?.match?.groups ?? {}) },
    allowedMethods: onPath.map((candidate) => candidate.route.method),
  };
}
