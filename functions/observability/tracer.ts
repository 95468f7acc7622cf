import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './metric-names.js';

/**
 * The function's Powertools Tracer, used only to record the AWS SDK calls as
 * X-Ray subsegments (see adapters/aws-clients.ts); Lambda's active tracing
 * makes the segment of the invocation itself. Outbound HTTP is not captured:
 * it would add trace headers to every Anthropic request for little insight.
 * Outside Lambda (tests, the local stack) or with POWERTOOLS_TRACE_ENABLED
 * set to false, the tracer is disabled and leaves the clients untouched.
 */
export const tracer = new Tracer({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
  captureHTTPsRequests: false,
});
