/** Where the local AWS (moto) is, and in which region resources live. */
export interface AwsTarget {
  readonly endpoint: string;
  readonly region: string;
}

/** The region of the local stack; moto accepts any, the CDK app deploys to this one by default. */
export const LOCAL_REGION = 'us-east-1';

/** Moto accepts any credentials; fixed dummies keep a developer's real ones out of reach. */
const DUMMY_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Client configuration for scripts that talk to moto before the environment is set. */
export function awsClientConfig(target: AwsTarget) {
  return { endpoint: target.endpoint, region: target.region, credentials: DUMMY_CREDENTIALS };
}

/**
 * The variables that point every default-configured SDK client at moto. The
 * functions create their clients with no explicit endpoint, exactly as on
 * Lambda, and the SDK picks `AWS_ENDPOINT_URL` up by itself.
 */
export function awsEnvironment(target: AwsTarget): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: target.endpoint,
    AWS_REGION: target.region,
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** Moto's default account; local ARNs (Lambda contexts, API events) use it so they match. */
export const LOCAL_ACCOUNT_ID = '123456789012';
