import { ENV, requireEnv } from '../../shared/environment.js';

/**
 * Table names from the environment. Read on use rather than at import, so the
 * local stack and tests can set the environment before the first request.
 */
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

/** The reason codes of a cancelled transaction, one per item ('None' where the item was fine). */
export function cancellationReasons(error: unknown): string[] {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return [];
  const reasons =
    (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/** True when a transaction was cancelled by a failed condition or a concurrent transaction. */
export function isTransactionConflict(error: unknown): boolean {
  return cancellationReasons(error).some(
    (code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict',
  );
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
