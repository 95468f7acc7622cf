import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../../../functions/http/openapi/document.js';
import { VENV_DIR } from '../../../scripts/local/python-env.js';

/**
 * Checks every fuzzed answer must pass: all of schemathesis's but
 * `positive_data_acceptance`, which expects every schema-valid request to
 * succeed. The contract cannot say what only the handlers know (a real
 * calendar day, a cursor this API issued, a key Anthropic accepts, the hosted
 * model allow-list), so such requests are rightly refused with a declared 400.
 */
export const EXCLUDED_CHECKS = ['positive_data_acceptance'] as const;

export interface FuzzOptions {
  /** `http://127.0.0.1:<port>/api/v1`; the document is read from its `/openapi.json`. */
  readonly apiUrl: string;
  /** An OWNER token of a fresh workspace. */
  readonly token: string;
  /** Real agent ids, drawn for most `{id}` values so fuzzing reaches past a 404. */
  readonly agentIds: readonly string[];
  /** Test cases per operation and phase. */
  readonly maxExamples: number;
  readonly seed: number;
  readonly phases?: readonly ('examples' | 'coverage' | 'fuzzing' | 'stateful')[];
  /**
   * Parallel workers; defaults to 1. With more, schemathesis 4.32.5 on Python
   * 3.11 sometimes aborts a phase with `SystemError: AST constructor recursion
   * depth mismatch` (hypothesis describing a filter in a thread).
   */
  readonly workers?: number;
  /** Bounds the run; the test's own timeout is the outer bound. */
  readonly maxSeconds?: number;
  /**
   * `served` (the default) reads the document from the API, as a client
   * would; `generated` writes `openApiDocument()` to a file first.
   */
  readonly document?: 'served' | 'generated';
}

/** What a run did and found, read from its NDJSON and JSON reports. */
export interface FuzzFigures {
  readonly seed: number;
  readonly maxExamples: number;
  readonly exitCode: number | null;
  readonly durationMs: number;
  readonly operations: number;
  /** HTTP requests sent, every one answered and checked. */
  readonly requests: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly checks: Readonly<Record<string, { passed: number; failed: number }>>;
  readonly checksPassed: number;
  readonly checksFailed: number;
  /** The unique failures, as schemathesis titles them, with their operations. */
  readonly failures: readonly { code: string; title: string; operations: string[] }[];
  /** Phases or operations schemathesis could not run (its own errors, not the API's). */
  readonly errors: number;
  /** The tail of the console output, to read a failure's reproduction. */
  readonly output: string;
}

/**
 * Runs `schemathesis run` from `.venv` against the served contract, in a
 * scratch directory so that nothing it writes lands in the repository.
 */
export async function runSchemathesis(options: FuzzOptions): Promise<FuzzFigures> {
  const workDir = await mkdtemp(join(tmpdir(), 'schemathesis-'));
  try {
    await writeFile(join(workDir, 'schemathesis.toml'), configToml(options.agentIds));
    if (options.document === 'generated') {
      await writeFile(join(workDir, 'openapi.json'), JSON.stringify(openApiDocument()));
    }
    const startedMs = Date.now();
    const run = await spawnSchemathesis(workDir, cliArguments(options));
    const figures = await readReports(join(workDir, 'report'));
    return {
      seed: options.seed,
      maxExamples: options.maxExamples,
      exitCode: run.exitCode,
      durationMs: Date.now() - startedMs,
      output: run.output.slice(-20_000),
      ...figures,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function configToml(agentIds: readonly string[]): string {
  return [
    '[parameters]',
    '"path.id" = { dictionary = "agents", probability = 0.8 }',
    '',
    '[dictionaries.agents]',
    `values = [${agentIds.map((id) => JSON.stringify(id)).join(', ')}]`,
    '',
  ].join('\n');
}

function cliArguments(options: FuzzOptions): string[] {
  return [
    '--config-file',
    'schemathesis.toml',
    'run',
    options.document === 'generated' ? 'openapi.json' : `${options.apiUrl}/openapi.json`,
    '--url',
    options.apiUrl,
    '--header',
    `Authorization: Bearer ${options.token}`,
    '--checks',
    'all',
    '--exclude-checks',
    EXCLUDED_CHECKS.join(','),
    '--max-examples',
    String(options.maxExamples),
    '--seed',
    String(options.seed),
    '--workers',
    String(options.workers ?? 1),
    '--generation-database',
    'none',
    '--request-timeout',
    '30',
    '--report',
    'ndjson,json',
    '--report-dir',
    'report',
    '--no-color',
    ...(options.phases ? ['--phases', options.phases.join(',')] : []),
    ...(options.maxSeconds ? ['--max-time', String(options.maxSeconds)] : []),
  ];
}

function spawnSchemathesis(cwd: string, args: readonly string[]) {
  return new Promise<{ exitCode: number | null; output: string }>((done, fail) => {
    const child = spawn(join(VENV_DIR, 'bin', 'schemathesis'), args, {
      cwd,
      env: { ...process.env, SCHEMATHESIS_HOOKS: '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', fail);
    child.once('exit', (exitCode) => done({ exitCode, output }));
  });
}

type Json = Record<string, unknown>;

async function readReports(dir: string) {
  const files = await readdir(dir);
  const ndjson = files.find((file) => file.endsWith('.ndjson'));
  const json = files.find((file) => file.endsWith('.json'));
  if (!ndjson || !json) throw new Error(`schemathesis wrote no reports in ${dir}`);

  const events = (await readFile(join(dir, ndjson), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Json);
  const summary = JSON.parse(await readFile(join(dir, json), 'utf8')) as Json;
  return { ...tally(events), ...failuresOf(summary) };
}

/** Requests, statuses and check outcomes, from every finished scenario's recorder. */
function tally(events: readonly Json[]) {
  const statuses: Record<string, number> = {};
  const checks: Record<string, { passed: number; failed: number }> = {};
  let requests = 0;

  for (const event of events) {
    const recorder = (event.ScenarioFinished as Json | undefined)?.recorder as Json | undefined;
    const interactions = Object.values((recorder?.interactions ?? {}) as Record<string, Json>);
    for (const interaction of interactions) {
      const status = String((interaction.response as Json | null)?.status_code ?? 'none');
      statuses[status] = (statuses[status] ?? 0) + 1;
      requests += 1;
    }
    const byCase = Object.values((recorder?.checks ?? {}) as Record<string, Json[]>);
    for (const check of byCase.flat()) {
      const name = String(check.name);
      checks[name] ??= { passed: 0, failed: 0 };
      if (check.status === 'success') checks[name].passed += 1;
      else checks[name].failed += 1;
    }
  }
  const totals = Object.values(checks);
  return {
    requests,
    statuses,
    checks,
    checksPassed: totals.reduce((sum, check) => sum + check.passed, 0),
    checksFailed: totals.reduce((sum, check) => sum + check.failed, 0),
  };
}

function failuresOf(summary: Json) {
  const operations = summary.operations as Json;
  const failures = ((summary.failures ?? []) as Json[]).map((failure) => ({
    code: String(failure.code),
    title: String(failure.title),
    operations: (failure.operations ?? []) as string[],
  }));
  const testCases = summary.test_cases as Json | undefined;
  const errors = ((summary.errors ?? []) as unknown[]).length + Number(testCases?.errored ?? 0);
  return { operations: Number(operations?.tested ?? 0), failures, errors };
}
