import type { CountedCall } from './aws-call-counter.js';

const DYNAMODB_READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/** A set of counted calls as the report shows them, and as the price table prices them. */
export interface CallSummary {
  readonly dynamoDbReads: number;
  readonly dynamoDbWrites: number;
  readonly secretsManager: number;
  readonly kms: number;
  /** Items DynamoDB read to answer the reads. */
  readonly itemsRead: number;
  /** Secrets ListSecrets returned, all pages. */
  readonly secretsListed: number;
  /** On-demand read request units: 1 per strongly consistent read of up to 4 KB, half that otherwise. */
  readonly readRequestUnits: number;
  /** On-demand write request units: 1 per write of up to 1 KB, 2 per item of a transaction. */
  readonly writeRequestUnits: number;
  /** KMS requests Secrets Manager makes on the caller's behalf and bills to it (see implicitKmsRequests). */
  readonly implicitKms: number;
  /** `GetItem×2 UpdateItem×1 …`, in first-seen order. */
  readonly detail: string;
}

/**
 * Read units of a Query are by bytes read, which the counter does not see;
 * a keys-only index entry or a small event is taken as 100 bytes, 40 to 4 KB.
 */
const QUERY_ITEMS_PER_UNIT = 40;

function readUnits(call: CountedCall): number {
  const pages =
    call.operation === 'Query' ? Math.max(1, Math.ceil(call.itemsRead / QUERY_ITEMS_PER_UNIT)) : 1;
  return pages * (call.consistentRead ? 1 : 0.5);
}

/**
 * Secrets Manager decrypts a secret with KMS on every GetSecretValue and
 * asks KMS for a data key on every CreateSecret and PutSecretValue, when the
 * secret uses a customer managed key, as the vault does. KMS bills those to
 * the account, though no function calls KMS itself.
 */
function implicitKmsRequests(call: CountedCall): number {
  if (call.service !== 'secretsManager') return 0;
  return ['GetSecretValue', 'CreateSecret', 'PutSecretValue'].includes(call.operation) ? 1 : 0;
}

export function summariseCalls(calls: readonly CountedCall[]): CallSummary {
  const dynamo = calls.filter((call) => call.service === 'dynamoDb');
  const reads = dynamo.filter((call) => DYNAMODB_READS.has(call.operation));
  const writes = dynamo.filter((call) => !DYNAMODB_READS.has(call.operation));
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);

  return {
    dynamoDbReads: reads.length,
    dynamoDbWrites: writes.length,
    secretsManager: calls.filter((call) => call.service === 'secretsManager').length,
    kms: calls.filter((call) => call.service === 'kms').length,
    itemsRead: reads.reduce((sum, call) => sum + call.itemsRead, 0),
    secretsListed: calls.reduce((sum, call) => sum + call.listed, 0),
    readRequestUnits: reads.reduce((sum, call) => sum + readUnits(call), 0),
    writeRequestUnits: writes.reduce(
      (sum, call) => sum + (call.operation === 'TransactWriteItems' ? 2 : 1) * call.itemsWritten,
      0,
    ),
    implicitKms: calls.reduce((sum, call) => sum + implicitKmsRequests(call), 0),
    detail: [...counts].map(([operation, count]) => `${operation}×${count}`).join(' '),
  };
}
