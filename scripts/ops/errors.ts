/**
 * A failure the operator can act on: a wrong argument, a missing setting, an
 * unknown agent. Its message is printed as it is, on one line, and the
 * command exits with 1.
 */
export class OpsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OpsError';
  }
}

/**
 * One line for any failure: the message and every cause's, so that an AWS
 * error hidden behind the service's generic `dependency_unavailable` (an
 * access denial, a wrong table name) still reaches the operator.
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 6; depth += 1) {
    parts.push(describeOne(current));
    current = causeOf(current);
  }
  return parts.join(': ').replace(/\s+/g, ' ').trim();
}

/** The error behind this one; for many failures at once, the first stands for all. */
function causeOf(error: unknown): unknown {
  if (!(error instanceof Error)) return undefined;
  return error.cause ?? (error instanceof AggregateError ? error.errors[0] : undefined);
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof OpsError || error.name === 'Error') return error.message;
  // Service and SDK errors: the name is what an operator searches for.
  return error.name === 'ServiceError' ? error.message : `${error.name} ${error.message}`;
}
