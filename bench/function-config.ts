import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAME } from '../lib/constructs/service-function.js';
import { REPO_ROOT } from '../scripts/local/python-env.js';

const SERVICE_FUNCTION_SOURCE = join(REPO_ROOT, 'lib/constructs/service-function.ts');

/** Reads a value the construct does not export from its source; fails loudly when a refactor moved it. */
function fromSource(pattern: RegExp, what: string): string {
  const match = pattern.exec(readFileSync(SERVICE_FUNCTION_SOURCE, 'utf8'));
  if (!match?.[1]) throw new Error(`cannot find ${what} in lib/constructs/service-function.ts`);
  return match[1];
}

/**
 * The memory every function gets, as lib/constructs/service-function.ts
 * defaults it (the stack sets no override). Read from the source rather than
 * by building the construct, which would bundle every function first.
 */
export function configuredMemoryMb(): number {
  return Number(
    fromSource(/memorySize:\s*props\.memorySizeMb\s*\?\?\s*(\d+)/, 'the memory default'),
  );
}

/**
 * The variables Lambda adds to a function's environment here: the ones the
 * construct sets for Powertools, and a trace header, which Powertools copies
 * onto every log line when X-Ray tracing is active, as it is on AWS.
 */
export function lambdaOnlyEnvironment(): Record<string, string> {
  return {
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    POWERTOOLS_LOG_LEVEL: 'INFO',
    _X_AMZN_TRACE_ID: 'Root=1-6750a1b2-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=1',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(configuredMemoryMb()),
  };
}
