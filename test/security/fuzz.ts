/**
 * `npm run test:fuzz`: property-based fuzzing of the whole API with
 * schemathesis, against a local stack of its own, from the contract it serves.
 * At least 1,000 requests with an OWNER token of a fresh workspace; zero
 * server errors and zero contract violations, or it exits 1. Figures go to
 * `.local/security/fuzz.json` for `npm run security:report`.
 *
 * FUZZ_MAX_EXAMPLES (default 100) and FUZZ_SEED (default fixed) change the run.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DAILY_SPEND_CAP_CENTS } from '../../functions/domain/agents/agent.js';
import { ENV } from '../../functions/shared/environment.js';
import { FUZZ_LONG_FORM } from './fuzz-profile.js';
import { startPrivateStack } from './support/private-stack.js';
import { logToFile, say } from './support/quiet.js';
import { FUZZ_RESULTS, RESULTS_DIR, saveResults } from './support/results.js';
import { type FuzzFigures, runSchemathesis } from './support/schemathesis.js';

/** Limits a fuzzer would otherwise meet at once: raised, since they are not what is fuzzed. */
const FUZZ_ENVIRONMENT = {
  [ENV.validationsPerMinute]: '1000000',
  [ENV.failedValidationsPerHour]: '1000000',
  [ENV.defaultDailySpendCapCents]: String(MAX_DAILY_SPEND_CAP_CENTS),
};

/** What failed: any schemathesis failure, any 5xx, too few requests, a token in the logs. */
function problemsOf(figures: FuzzFigures, tokenLogged: boolean): string[] {
  const serverErrors = Object.entries(figures.statuses)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
  return [
    ...figures.failures.map(
      (failure) => `${failure.code} ${failure.title}: ${failure.operations.join(', ')}`,
    ),
    ...(serverErrors > 0 ? [`${serverErrors} answers were 5xx`] : []),
    ...(figures.requests < FUZZ_LONG_FORM.minRequests ? [`only ${figures.requests} requests`] : []),
    ...(tokenLogged ? ['a log line holds the bearer token'] : []),
    ...(figures.errors > 0 ? [`schemathesis met ${figures.errors} errors of its own`] : []),
    ...(figures.exitCode === 0 ? [] : [`schemathesis exited ${figures.exitCode}`]),
  ];
}

function report(figures: FuzzFigures, problems: readonly string[]): void {
  say(
    `fuzzed ${figures.requests} requests over ${figures.operations} operations in ${Math.round(figures.durationMs / 1000)} s (seed ${figures.seed}, ${figures.maxExamples} examples per operation)`,
  );
  say(`answers by status: ${JSON.stringify(figures.statuses)}`);
  say(`checks: ${figures.checksPassed} passed, ${figures.checksFailed} failed`);
  for (const [name, check] of Object.entries(figures.checks)) {
    say(`  ${name}: ${check.passed} passed, ${check.failed} failed`);
  }
  say(
    problems.length === 0
      ? 'no server error, no contract violation'
      : `PROBLEMS:\n  ${problems.join('\n  ')}`,
  );
  if (problems.length > 0) say(figures.output.slice(-8000));
}

const logs = await logToFile(join(RESULTS_DIR, 'fuzz-api.log'));
const stack = await startPrivateStack({ environment: FUZZ_ENVIRONMENT, agents: 3 });
let exitCode = 1;
try {
  const token = stack.workspace.tokens.OWNER;
  say(`local stack up at ${stack.apiUrl}; fuzzing (this takes a few minutes)`);
  const figures = await runSchemathesis({
    apiUrl: stack.apiUrl,
    token,
    agentIds: stack.workspace.agentIds,
    maxExamples: FUZZ_LONG_FORM.maxExamples,
    phases: FUZZ_LONG_FORM.phases,
    seed: FUZZ_LONG_FORM.seed,
  });
  const tokenLogged = logs.lines().some((line) => line.includes(token.slice(3)));
  const problems = problemsOf(figures, tokenLogged);
  await saveResults(FUZZ_RESULTS, { ...figures, output: undefined, problems });
  await writeFile(join(RESULTS_DIR, 'fuzz-schemathesis.txt'), figures.output);
  report(figures, problems);
  exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await stack.stop();
  await logs.stop();
}
process.exit(exitCode);
