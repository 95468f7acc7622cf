import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_BASE_PATH, ROUTES } from '../../functions/http/routes.js';
import type { ServiceFunctionId, ServiceFunctions } from './service-functions.js';

export interface ServiceApiProps {
  readonly functions: ServiceFunctions;
  /** Names the API (`<prefix>-api`) and its access log group. */
  readonly namePrefix: string;
  readonly logRetention: RetentionDays;
  /** @default 200 */
  readonly throttleBurstLimit?: number;
  /** @default 100 */
  readonly throttleRatePerSecond?: number;
}

/**
 * Request-level fields only. Headers are never logged: they carry the
 * caller's bearer token and, on the gateway route, possibly an API key.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * The HTTP API: one route per entry of ROUTES, so API Gateway, the local
 * stack and the fallback function agree on what exists, and a `$default`
 * route to the fallback function, which answers 404 or 405 in the
 * service's error envelope instead of API Gateway's own body.
 *
 * Known limit: an HTTP API waits at most 29 s for an integration and cannot
 * raise it. The gateway therefore stops an Anthropic call at 25 s (503, its
 * reservation released), which rules out long non-streaming generations.
 * Response streaming through a Lambda function URL would end this.
 */
export class ServiceApi extends Construct {
  readonly httpApi: HttpApi;
  /** The `$default` stage, whose metrics the dashboard and alarms read. */
  readonly stage: HttpStage;
  /** Base URL of the API, ending in `/api/v1`. */
  readonly url: string;
  private readonly integrations = new Map<ServiceFunctionId, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);

    const integrationOf = (functionId: ServiceFunctionId) => this.integration(props, functionId);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${props.namePrefix}-api`,
      description: 'Agent LLM credentials API',
      createDefaultStage: false,
      defaultIntegration: integrationOf('fallback'),
    });
    for (const route of ROUTES) {
      const integration = integrationOf(route.functionId);
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
      });
    }
    this.stage = this.createDefaultStage(props);
    this.url = `${this.httpApi.apiEndpoint}${API_BASE_PATH}`;
  }

  /** One integration per function, shared by all of its routes. */
  private integration(props: ServiceApiProps, functionId: ServiceFunctionId) {
    const existing = this.integrations.get(functionId);
    if (existing) return existing;

    const integration = new HttpLambdaIntegration(
      `${functionId}-integration`,
      props.functions.byId[functionId].function,
      { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 },
    );
    this.integrations.set(functionId, integration);
    return integration;
  }

  /**
   * Detailed metrics give each route its own 4xx, 5xx and latency metrics
   * (dimensions ApiId, Method, Resource, Stage), which the dashboard shows.
   */
  private createDefaultStage(props: ServiceApiProps): HttpStage {
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${props.namePrefix}-api-access`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    return new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      detailedMetricsEnabled: true,
      throttle: {
        burstLimit: props.throttleBurstLimit ?? 200,
        rateLimit: props.throttleRatePerSecond ?? 100,
      },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }
}
