import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '../http/envelope.js';
import { ROUTES } from '../http/routes.js';
import { DEFAULT_ROUTE, DIMENSION, METRIC } from './metric-names.js';
import { metrics } from './metrics.js';

/** Route keys as API Gateway names them, e.g. `GET /api/v1/agents/{id}`: a fixed, short list. */
const KNOWN_ROUTES = new Set(ROUTES.map((route) => `${route.method} ${route.path}`));

/** The matched route template, never the raw path: a path holds agent ids. */
function routeOf(event: APIGatewayProxyEventV2): string {
  return KNOWN_ROUTES.has(event.routeKey) ? event.routeKey : DEFAULT_ROUTE;
}

/**
 * Counts the request by route: Requests, and ClientErrors and ServerErrors
 * as 0 or 1, so that a metric's average is its rate. Buffered on the shared
 * instance and flushed by `logMetrics`, which must therefore be used before
 * (outside) this middleware; this one must be used before the error envelope,
 * so that its `onError` runs after the envelope has set the status.
 */
export function requestMetrics(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  const count = async (request: Request<APIGatewayProxyEventV2, HttpResult>) => {
    const statusCode = request.response?.statusCode ?? 500;
    metrics.addDimension(DIMENSION.route, routeOf(request.event));
    metrics.addMetric(METRIC.requests, MetricUnit.Count, 1);
    metrics.addMetric(METRIC.clientErrors, MetricUnit.Count, statusClass(statusCode) === 4 ? 1 : 0);
    metrics.addMetric(METRIC.serverErrors, MetricUnit.Count, statusClass(statusCode) === 5 ? 1 : 0);
  };
  return { after: count, onError: count };
}

const statusClass = (statusCode: number) => Math.floor(statusCode / 100);
