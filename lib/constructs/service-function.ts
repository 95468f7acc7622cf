import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  LogLevel,
  NodejsFunction,
  type NodejsFunctionProps,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SERVICE_NAME, STAGE_ENV_VAR } from '../../functions/observability/metric-names.js';

export { SERVICE_NAME };

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundled AWS SDK and Powertools code still calls `require` for Node
 * built-ins, which an ES module does not define.
 */
const REQUIRE_SHIM =
  "import { createRequire as topLevelCreateRequire } from 'node:module';" +
  'const require = topLevelCreateRequire(import.meta.url);';

export interface ServiceFunctionProps {
  /** Names the entry file `functions/handlers/<handlerName>.ts`, which exports `handler`. */
  readonly handlerName: string;
  /** The name in the console, e.g. `prod-agent-llm-gateway`; logs go to `/aws/lambda/<name>`. */
  readonly functionName: string;
  /** Becomes the `stage` dimension of the function's metrics. */
  readonly stage: string;
  readonly description: string;
  readonly timeout: Duration;
  /** @default 512 */
  readonly memorySizeMb?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * A Lambda function with the service's defaults fixed once: Node 22 on arm64,
 * ESM bundle with source maps, JSON logs to its own log group, X-Ray tracing.
 * It owns its role, which starts with nothing but writing its own logs and
 * traces, so every other permission is a statement someone added on purpose.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'LogGroup', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handlerName}`,
    });
    this.logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', functionProps(props, this));
  }

  /** Adds a statement to this function's role, and to no other. */
  addToRolePolicy(statement: PolicyStatement): void {
    this.role.addToPrincipalPolicy(statement);
  }
}

function functionProps(props: ServiceFunctionProps, owner: ServiceFunction): NodejsFunctionProps {
  return {
    entry: `${PROJECT_ROOT}functions/handlers/${props.handlerName}.ts`,
    handler: 'handler',
    functionName: props.functionName,
    description: props.description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySizeMb ?? 512,
    timeout: props.timeout,
    tracing: Tracing.ACTIVE,
    role: owner.role,
    logGroup: owner.logGroup,
    loggingFormat: LoggingFormat.JSON,
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
    environment: {
      ...props.environment,
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      [STAGE_ENV_VAR]: props.stage,
    },
    bundling: {
      format: OutputFormat.ESM,
      mainFields: ['module', 'main'],
      target: 'node22',
      minify: true,
      sourceMap: true,
      banner: REQUIRE_SHIM,
      // The SDK is bundled, not taken from the runtime, so Lambda runs the
      // versions in package-lock.json that the tests ran against.
      externalModules: [],
      forceDockerBundling: false,
      logLevel: LogLevel.WARNING,
    },
  };
}
