import { App } from 'aws-cdk-lib';
import { ServiceStack } from '../lib/service-stack.js';
import { configFromContext } from './context.js';

const app = new App();

new ServiceStack(app, 'AgentLlmCredentials', {
  ...configFromContext(app.node),
  description: 'Runs AI agents on hosted or customer-owned Anthropic keys, with metering and caps',
});
