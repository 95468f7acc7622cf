import type { FieldProblem } from '../../../functions/shared/errors.js';
import { ServiceError } from '../../../functions/shared/errors.js';

/** The ServiceError `attempt` throws; fails the test when it throws nothing or something else. */
export function serviceErrorFrom(attempt: () => unknown): ServiceError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError, but the call succeeded');
}

/** The fields a validation error names, in order; one field may break several rules. */
export const fieldsOf = (error: ServiceError): string[] =>
  ((error.details?.fields ?? []) as FieldProblem[]).map((entry) => entry.field);
