import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.js';
import type { ServiceFunctionId } from '../../lib/constructs/service-functions.js';
import { synthesize } from './support/synth.js';

const { stack, template } = synthesize();
const resources = template.toJSON().Resources as Record<string, { Properties: never }>;

function logicalIdOfFunction(functionId: ServiceFunctionId): string {
  const fn = stack.functions.byId[functionId].function;
  return stack.getLogicalId(fn.node.defaultChild as CfnElement);
}

/** Follows a route to its integration and returns the logical id of the function behind it. */
function functionBehind(routeKey: string): string | undefined {
  const routes = template.findResources('AWS::ApiGatewayV2::Route', {
    Properties: { RouteKey: routeKey },
  });
  const [route] = Object.values(routes);
  const integrationId = /"Ref":"([^"]+)"/.exec(JSON.stringify(route?.Properties.Target))?.[1];
  const integration = resources[integrationId ?? '']?.Properties as
    | { IntegrationUri: { 'Fn::GetAtt': [string, string] } }
    | undefined;
  return integration?.IntegrationUri['Fn::GetAtt'][0];
}

describe('ServiceApi', () => {
  it.each(ROUTES)('routes $method $path to $functionId', (route) => {
    const functionId = functionBehind(`${route.method} ${route.path}`);

    expect(functionId).toBe(logicalIdOfFunction(route.functionId));
  });

  it('sends every other request to the fallback through $default', () => {
    const functionId = functionBehind('$default');

    expect(functionId).toBe(logicalIdOfFunction('fallback'));
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTES.length + 1);
  });

  it('integrates with Lambda using payload format 2.0', () => {
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles and access-logs the default stage without headers', () => {
    const stages = template.findResources('AWS::ApiGatewayV2::Stage', {
      Properties: {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
      },
    });
    const [stage] = Object.values(stages);
    const format: string = stage?.Properties.AccessLogSettings.Format;

    expect(JSON.parse(format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      responseLatencyMs: '$context.responseLatency',
    });
    expect(format).not.toMatch(/header|authorization|identity/i);
  });

  it('enables detailed metrics, so each route has its own latency and error counts', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { DetailedMetricsEnabled: true },
    });
  });

  it('outputs the API URL ending in /api/v1', () => {
    const apiId = stack.getLogicalId(stack.api.httpApi.node.defaultChild as CfnElement);

    template.hasOutput('ApiUrl', {
      Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/api/v1']] },
    });
  });
});
