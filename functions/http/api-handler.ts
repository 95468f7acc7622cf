import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpRouterHandler, { type Route } from '@middy/http-router';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Principal } from '../auth/principal.js';
import { metrics } from '../observability/metrics.js';
import { requestMetrics } from '../observability/request-metrics.js';
import { ServiceError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { bodyDepthLimit } from './body-depth.js';
import { bodyLimit } from './body-limit.js';
import type { HttpResult } from './envelope.js';
import { errorEnvelope } from './error-envelope.js';
import { type FunctionId, matchRoute, ROUTES, type RouteDefinition } from './routes.js';

/** What a route handler sees of a request: parsed, normalised, nothing AWS-specific. */
export interface ApiRequest {
  readonly requestId: string;
  /** The authenticated caller; routes never see an anonymous request. */
  readonly principal: Principal;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

export type RouteHandler = (request: ApiRequest) => Promise<HttpResult>;

/** `'PATCH /api/v1/agents/{id}'`: a route's method and path, as API Gateway names routes. */
export type RouteKey = `${RouteDefinition['method']} ${string}`;

const routeKey = (route: RouteDefinition): RouteKey => `${route.method} ${route.path}`;

function toApiRequest(event: APIGatewayProxyEventV2, principal: Principal): ApiRequest {
  return {
    requestId: event.requestContext.requestId,
    principal,
    pathParameters: (event.pathParameters ?? {}) as Record<string, string>,
    query: event.queryStringParameters ?? {},
    headers: event.headers ?? {},
    body: event.body,
  };
}

/** Resolves the caller from the `Authorization` header, or throws 401. */
export type Authenticator = (authorization: string | undefined) => Promise<Principal>;

/**
 * One route's chain. The caller is authenticated before the body is even
 * parsed, so an anonymous client learns nothing from the API's answers.
 */
function routeLambda(route: RouteDefinition, handler: RouteHandler, authenticate: Authenticator) {
  const principals = new WeakMap<APIGatewayProxyEventV2, Principal>();
  const lambda = middy<APIGatewayProxyEventV2, HttpResult>()
    .before(async (request) => {
      principals.set(request.event, await authenticate(request.event.headers?.authorization));
    })
    .handler((event) => handler(toApiRequest(event, principals.get(event) as Principal)));
  if (route.method === 'GET') return lambda;
  return lambda
    .use(bodyLimit(route.maxBodyBytes))
    .use(httpJsonBodyParser({ disableContentTypeError: false }))
    .use(bodyDepthLimit());
}

/** 404 for a path no route has, 405 (with `Allow`) for a known path and another method. */
export function routeNotFound({ method, path }: { method: string; path: string }): never {
  const { allowedMethods } = matchRoute(method, path);
  if (allowedMethods.length === 0) throw new ServiceError('route_not_found', 'No such route');
  throw new ServiceError('method_not_allowed', `Use ${allowedMethods.join(' or ')} on this path`, {
    details: { allowedMethods },
  });
}

/**
 * Builds a function's Lambda handler from the routes the route table gives it.
 * Fails at cold start when a route has no handler, so a gap cannot ship silently.
 * Every request is counted by route (see observability/request-metrics.ts),
 * and the metrics are flushed as the invocation ends, answered or failed.
 */
export function createApiHandler(
  functionId: FunctionId,
  handlers: Readonly<Record<RouteKey, RouteHandler>>,
  authenticate: Authenticator,
) {
  const routes: Route<APIGatewayProxyEventV2, HttpResult>[] = ROUTES.filter(
    (route) => route.functionId === functionId,
  ).map((route) => {
    const handler = handlers[routeKey(route)];
    if (!handler) throw new Error(`No handler for route ${routeKey(route)}`);
    return {
      method: route.method,
      path: route.path,
      handler: routeLambda(route, handler, authenticate),
    };
  });

  return middy<APIGatewayProxyEventV2, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { throwOnEmptyMetrics: false }))
    .use(requestIdKey())
    .use(httpHeaderNormalizer())
    .use(requestMetrics())
    .use(errorEnvelope())
    .handler(httpRouterHandler({ routes, notFoundResponse: routeNotFound }) as never);
}

/** Puts API Gateway's request id on every log line, next to Lambda's. */
function requestIdKey(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async (request) => {
      logger.appendKeys({ requestId: request.event.requestContext?.requestId });
    },
  };
}
