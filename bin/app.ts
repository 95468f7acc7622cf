import { App } from 'aws-cdk-lib';
import { addServiceStack } from '../lib/service-app.js';
import { configFromContext } from './context.js';

const app = new App();

addServiceStack(app, configFromContext(app.node));
