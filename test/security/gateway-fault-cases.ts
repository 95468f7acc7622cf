import type { AwsErrorShape } from '../support/faults.js';

/**
 * Every AWS call an agent call makes, each failed in the ways AWS fails it:
 * the table test/integration/security/gateway-aws-faults.test.ts runs and
 * `npm run security:report` counts. Anthropic's own failures are covered by
 * test/integration/gateway/upstream-failures.test.ts.
 */

/** A step of an agent call that talks to AWS, in the order the gateway takes them. */
export type GatewayStep =
  | 'read token'
  | 'read agent'
  | 'read BYO key'
  | 'read hosted key'
  | 'reserve'
  | 'mark capped'
  | 'release'
  | 'settle';

type Input = Readonly<Record<string, unknown>>;

/** A string attribute of a DynamoDB input, marshalled (`{S: …}`) or not. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value) return String(value.S);
  return '';
};
const sortKey = (input: Input) => text((input.Key as Input | undefined)?.sk);
const updateOf = (input: Input) => String(input.UpdateExpression ?? '');

/** Which client and operation each step uses, and how to tell its call from the others. */
export const STEP_CALLS: Readonly<
  Record<
    GatewayStep,
    {
      readonly client: 'dynamoDb' | 'secretsManager';
      readonly command: string;
      readonly where: (input: Input) => boolean;
    }
  >
> = {
  'read token': {
    client: 'dynamoDb',
    command: 'GetItem',
    where: (input) => sortKey(input) === 'TOKEN',
  },
  'read agent': {
    client: 'dynamoDb',
    command: 'GetItem',
    where: (input) => sortKey(input).startsWith('AGENT#'),
  },
  'read BYO key': {
    client: 'secretsManager',
    command: 'GetSecretValue',
    where: (input) => input.VersionId !== undefined,
  },
  'read hosted key': {
    client: 'secretsManager',
    command: 'GetSecretValue',
    where: (input) => input.VersionStage === 'AWSCURRENT',
  },
  reserve: {
    client: 'dynamoDb',
    command: 'UpdateItem',
    where: (input) => updateOf(input).includes('ADD committedMicroCents :amount'),
  },
  'mark capped': {
    client: 'dynamoDb',
    command: 'UpdateItem',
    where: (input) => updateOf(input).startsWith('SET cappedDay'),
  },
  release: {
    client: 'dynamoDb',
    command: 'UpdateItem',
    where: (input) => updateOf(input).startsWith('REMOVE #rsv ADD committedMicroCents :minus'),
  },
  // The settlement that removes the call's own reservation (its request token ends in -r).
  settle: {
    client: 'dynamoDb',
    command: 'TransactWriteItems',
    where: (input) => String(input.ClientRequestToken ?? '').endsWith('-r'),
  },
};

const THROTTLED: AwsErrorShape = { name: 'ThrottlingException', httpStatusCode: 400 };
const DOWN: AwsErrorShape = { name: 'InternalServerError', httpStatusCode: 500 };
const cancelled = (...codes: string[]): AwsErrorShape => ({
  name: 'TransactionCanceledException',
  httpStatusCode: 400,
  fields: { CancellationReasons: codes.map((Code) => ({ Code })) },
});

export interface GatewayFaultCase {
  readonly name: string;
  readonly step: GatewayStep;
  readonly agent: 'byo' | 'hosted';
  readonly error: AwsErrorShape;
  /** `after`: the call takes effect and its answer is lost. */
  readonly when?: 'before' | 'after';
  /** A cap the agent has when the fault strikes (0: every call is refused). */
  readonly capCents?: number;
  /** Anthropic fails the call first (so that the reservation is released). */
  readonly upstreamStatus?: number;
  /** What the caller gets: 200 and Anthropic's message, or an error code. */
  readonly status: number;
  readonly code?: string;
  readonly reachesAnthropic: boolean;
  /** The call is counted in the day's spend. */
  readonly settles: boolean;
  /** A reservation stays held until the daily job releases it. */
  readonly leavesReservation: boolean;
}

const unavailable = { status: 503, code: 'dependency_unavailable' } as const;
const beforeAnthropic = { reachesAnthropic: false, settles: false, leavesReservation: false };
const answered = { status: 200, reachesAnthropic: true } as const;

export const GATEWAY_FAULT_CASES: readonly GatewayFaultCase[] = [
  {
    name: 'token read throttled',
    step: 'read token',
    agent: 'byo',
    error: THROTTLED,
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'agent read throttled',
    step: 'read agent',
    agent: 'byo',
    error: THROTTLED,
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'BYO key read throttled',
    step: 'read BYO key',
    agent: 'byo',
    error: THROTTLED,
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'BYO key undecryptable (KMS denied)',
    step: 'read BYO key',
    agent: 'byo',
    error: { name: 'DecryptionFailure', httpStatusCode: 400 },
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'BYO key read denied',
    step: 'read BYO key',
    agent: 'byo',
    error: { name: 'AccessDeniedException', httpStatusCode: 400 },
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'hosted key read throttled',
    step: 'read hosted key',
    agent: 'hosted',
    error: THROTTLED,
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'hosted key undecryptable (KMS denied)',
    step: 'read hosted key',
    agent: 'hosted',
    error: { name: 'DecryptionFailure', httpStatusCode: 400 },
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'reservation throttled',
    step: 'reserve',
    agent: 'byo',
    error: THROTTLED,
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'reservation in conflict with a transaction',
    step: 'reserve',
    agent: 'byo',
    error: { name: 'TransactionConflictException', httpStatusCode: 400 },
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'reservation failing its condition',
    step: 'reserve',
    agent: 'byo',
    error: { name: 'ConditionalCheckFailedException', httpStatusCode: 400 },
    status: 429,
    code: 'daily_spend_cap_reached',
    ...beforeAnthropic,
  },
  {
    name: 'reservation written, its answer lost',
    step: 'reserve',
    agent: 'byo',
    when: 'after',
    error: DOWN,
    ...unavailable,
    reachesAnthropic: false,
    settles: false,
    leavesReservation: true,
  },
  {
    name: 'cap mark throttled on a refused call',
    step: 'mark capped',
    agent: 'byo',
    capCents: 0,
    error: THROTTLED,
    ...unavailable,
    ...beforeAnthropic,
  },
  {
    name: 'release throttled after Anthropic failed',
    step: 'release',
    agent: 'byo',
    upstreamStatus: 529,
    error: THROTTLED,
    ...unavailable,
    reachesAnthropic: true,
    settles: false,
    leavesReservation: true,
  },
  {
    name: 'settlement cancelled for throttling',
    step: 'settle',
    agent: 'byo',
    error: cancelled('ThrottlingError', 'None'),
    ...answered,
    settles: false,
    leavesReservation: true,
  },
  {
    name: 'settlement cancelled by a conflicting transaction',
    step: 'settle',
    agent: 'byo',
    error: cancelled('TransactionConflict', 'None'),
    ...answered,
    settles: false,
    leavesReservation: true,
  },
  {
    name: 'settlement throttled',
    step: 'settle',
    agent: 'hosted',
    error: THROTTLED,
    ...answered,
    settles: false,
    leavesReservation: true,
  },
  {
    name: 'settlement failing its condition while the reservation is held',
    step: 'settle',
    agent: 'byo',
    error: cancelled('ConditionalCheckFailed', 'None'),
    ...answered,
    settles: true,
    leavesReservation: true,
  },
  {
    name: 'settlement written, its answer lost',
    step: 'settle',
    agent: 'byo',
    when: 'after',
    error: DOWN,
    ...answered,
    settles: true,
    leavesReservation: false,
  },
];
