import { ENV, requireEnv } from '../../shared/environment.js';

/** Table names, read once at cold start; a missing one fails the function before any request. */
export const tableNames = {
  get agents() {
    return requireEnv(ENV.agentsTable);
  },
  get counters() {
    return requireEnv(ENV.countersTable);
  },
  get audit() {
    return requireEnv(ENV.auditTable);
  },
};

/** True when a transaction was cancelled by a failed condition or a concurrent transaction. */
export function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons =
    (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some(
    (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
  );
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
