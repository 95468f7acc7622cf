import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SERVICE_NAME } from '../functions/observability/metric-names.js';
import { stackNameOf } from './definitions/stages.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';
import { type ServiceConfig, ServiceStack } from './service-stack.js';

/**
 * Adds one stage of the service to an app: the stack `AgentLlmCredentials-<stage>`,
 * `app` and `stage` tags on every resource, and the cdk-nag AWS Solutions
 * checks, which fail the synth on any finding not acknowledged with a reason
 * (see nag-acknowledgements.ts).
 */
export function addServiceStack(app: App, config: ServiceConfig): ServiceStack {
  const stack = new ServiceStack(app, stackNameOf(config.stage), {
    ...config,
    description:
      'Runs AI agents on hosted or customer-owned Anthropic keys, with metering and caps ' +
      `(${config.stage})`,
  });
  acknowledgeNagFindings(stack);

  Tags.of(app).add('app', SERVICE_NAME);
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
