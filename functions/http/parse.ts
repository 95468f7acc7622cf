import type { z } from 'zod';
import { type FieldProblem, ValidationError } from '../shared/errors.js';

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: key, problem: 'is not a field of this resource' }));
    }
    return [{ field: issue.path.join('.') || '(body)', problem: issue.message }];
  });
}

/**
 * Parses input against its schema or throws a 400 that names every offending
 * field. Unknown fields get their own code: silently ignoring them would hide
 * a client's typo, and accepting them would allow mass assignment.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const unknownField = result.error.issues.some((issue) => issue.code === 'unrecognized_keys');
  throw new ValidationError(
    problemsOf(result.error),
    unknownField ? 'unknown_field' : 'validation_failed',
  );
}
