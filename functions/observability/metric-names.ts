/**
 * The service's custom CloudWatch metrics, by name. The functions emit them
 * and the stack's dashboard and alarms read them from this one file, so a
 * rename cannot leave an alarm watching a metric nobody writes. It imports
 * nothing, so the CDK app can use it without loading function code.
 *
 * Every metric has the dimensions `service` and `stage`; some add one or two
 * of their own, always from a small fixed set of values. Ids of agents,
 * workspaces or keys are never dimensions: each value would be a metric.
 */
export const METRICS_NAMESPACE = 'AgentLlmCredentials';

/** The Powertools service name, and so the value of the `service` dimension. */
export const SERVICE_NAME = 'agent-llm-credentials';

/** Carries the deployment stage into the `stage` dimension; unset locally. */
export const STAGE_ENV_VAR = 'SERVICE_STAGE';
export const LOCAL_STAGE = 'local';

export const METRIC = {
  /** Every API request, with ClientErrors and ServerErrors (0 or 1) beside it; by `route`. */
  requests: 'Requests',
  clientErrors: 'ClientErrors',
  serverErrors: 'ServerErrors',
  /** Settled agent calls, by `source` and `model` (the price table's model key). */
  agentCalls: 'AgentCalls',
  /** What settled calls cost, in micro-cents (1 cent = 1,000,000), by `source`. */
  spendMicroCents: 'SpendMicroCents',
  /** Calls refused with daily_spend_cap_reached, by `source`. */
  capRefusals: 'CapRefusals',
  /** Checks of a new BYO key, by `outcome`. */
  keyValidations: 'KeyValidations',
  /** BYO keys Anthropic refused during an agent call. */
  byoKeysRejected: 'ByoKeysRejected',
  /** Runs of the daily job, with CapResetFailedRuns (0 or 1) beside it. */
  capResetRuns: 'CapResetRuns',
  capResetFailedRuns: 'CapResetFailedRuns',
  /** What a run did, by `item`. */
  capResetItems: 'CapResetItems',
  /** AWS calls still throttled after the SDK's retries, by `awsService`. */
  awsThrottles: 'AwsThrottles',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export const DIMENSION = {
  service: 'service',
  stage: 'stage',
  route: 'route',
  source: 'source',
  model: 'model',
  outcome: 'outcome',
  item: 'item',
  awsService: 'awsService',
} as const;

/** The `route` of a request no route matched: API Gateway's name for it. */
export const DEFAULT_ROUTE = '$default';

/** Values of `outcome` on KeyValidations: the key checker's verdicts, and the limiter's refusal. */
export const KEY_VALIDATION_OUTCOME = {
  accepted: 'accepted',
  invalid: 'invalid',
  forbidden: 'forbidden',
  modelNotAvailable: 'model_not_available',
  noCredit: 'no_credit',
  unavailable: 'unavailable',
  limited: 'limited',
} as const;

export type KeyValidationOutcome =
  (typeof KEY_VALIDATION_OUTCOME)[keyof typeof KEY_VALIDATION_OUTCOME];

/**
 * Outcomes in which a key was refused or the workspace was held back: what
 * someone testing stolen keys produces. `unavailable` is left out, since the
 * key was never judged.
 */
export const FAILED_KEY_VALIDATION_OUTCOMES: readonly KeyValidationOutcome[] = [
  KEY_VALIDATION_OUTCOME.invalid,
  KEY_VALIDATION_OUTCOME.forbidden,
  KEY_VALIDATION_OUTCOME.modelNotAvailable,
  KEY_VALIDATION_OUTCOME.noCredit,
  KEY_VALIDATION_OUTCOME.limited,
];

/** Values of `source` on AgentCalls, SpendMicroCents and CapRefusals. */
export const CREDENTIAL_SOURCES = ['hosted', 'byo'] as const;

export type CredentialSourceName = (typeof CREDENTIAL_SOURCES)[number];

/** Values of `item` on CapResetItems. */
export const CAP_RESET_ITEM = {
  capResets: 'capResets',
  reservationsReleased: 'reservationsReleased',
  secretsSwept: 'secretsSwept',
} as const;

/** Values of `awsService` on AwsThrottles. */
export const AWS_SERVICE = {
  dynamoDb: 'DynamoDB',
  secretsManager: 'SecretsManager',
  kms: 'KMS',
  other: 'Other',
} as const;

export type AwsServiceName = (typeof AWS_SERVICE)[keyof typeof AWS_SERVICE];
