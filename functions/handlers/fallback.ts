import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeNotFound } from '../http/api-handler.js';
import type { HttpResult } from '../http/envelope.js';
import { errorEnvelope } from '../http/error-envelope.js';
import { openApiAnswer } from '../http/openapi/serve.js';
import { metrics } from '../observability/metrics.js';
import { requestMetrics } from '../observability/request-metrics.js';

/**
 * API Gateway's `$default` route: every request no route matched. Serves the
 * OpenAPI document at `GET /api/v1/openapi.json` (no token needed), and
 * answers 404 for an unknown path and 405 for a known path with another
 * method, in the API's error envelope rather than API Gateway's own. Counted
 * under the route `$default`, never under the path asked for.
 */
export const handler = middy<APIGatewayProxyEventV2, HttpResult>()
  .use(logMetrics(metrics, { throwOnEmptyMetrics: false }))
  .use(requestMetrics())
  .use(errorEnvelope())
  .handler(async (event) => {
    const request = { method: event.requestContext.http.method, path: event.rawPath };
    return openApiAnswer(request.method, request.path) ?? routeNotFound(request);
  });
