/**
 * `npm run security:report`: regenerates the parts of docs/security.md that
 * are figures, from the tables the security tests run and the last long runs
 * on this machine (`.local/security/*.json`, written by `npm run test:fuzz`
 * and `npm run test:load`). The prose around them is left as it is.
 * `--check` changes nothing and exits 1 when the document is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApiDocument } from '../functions/http/openapi/document.js';
import { errorsByStatus } from '../functions/http/openapi/error-responses.js';
import { routeContracts, routeErrors } from '../functions/http/openapi/operations.js';
import {
  AUTHORIZATION_MATRIX,
  authorizationMarkdown,
  CALLERS,
  MATRIX_CELLS,
} from '../test/security/authorization-matrix.js';
import { CANARY_KEYS, CANARY_SURFACES } from '../test/security/canary-plan.js';
import { GATEWAY_FAULT_CASES } from '../test/security/gateway-fault-cases.js';
import {
  HOSTILE_BODIES,
  HOSTILE_IDS,
  HOSTILE_IF_MATCH,
  HOSTILE_QUERIES,
  ID_ROUTES,
  MALFORMED_HEADERS,
} from '../test/security/hostile-inputs.js';
import { LONG_FORM, SHORT_FORM } from '../test/security/load-profile.js';
import {
  FUZZ_RESULTS,
  FUZZ_SHORT_RESULTS,
  LOAD_RESULTS,
  loadResults,
} from '../test/security/support/results.js';
import type { FuzzFigures } from '../test/security/support/schemathesis.js';
import { REPO_ROOT } from './local/python-env.js';

const DOCUMENT = join(REPO_ROOT, 'docs', 'security.md');
const number = (value: number) => value.toLocaleString('en-US');

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`. */
function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/security.md has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

function contractFigure(): string {
  const contracts = routeContracts();
  const answers = contracts.reduce(
    (sum, { route, operation }) =>
      sum + 1 + [...errorsByStatus(routeErrors(route, operation)).values()].flat().length,
    0,
  );
  const paths = Object.keys(openApiDocument().paths).length;
  return `${contracts.length} routes and the document itself, on ${paths} paths; ${answers} declared (route, status, code) answers, every one produced and validated by the contract test`;
}

type SavedFuzz = FuzzFigures & { problems: string[]; finishedAt: string };

function fuzzFigure(fuzz: SavedFuzz | undefined): string {
  if (!fuzz) return 'not run on this machine yet';
  const serverErrors = Object.entries(fuzz.statuses)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
  const found =
    fuzz.failures.length === 0
      ? 'no failure'
      : `failures: ${fuzz.failures.map((f) => `${f.code} ${f.title} (${f.operations.join(', ')})`).join('; ')}`;
  return `${number(fuzz.requests)} requests over ${fuzz.operations} operations (seed ${fuzz.seed}, ${fuzz.maxExamples} examples per operation and phase); ${number(fuzz.checksPassed)} checks passed, ${number(fuzz.checksFailed)} failed; ${serverErrors} server ${serverErrors === 1 ? 'error' : 'errors'}; ${found} — ${fuzz.finishedAt.slice(0, 10)}`;
}

interface SavedLoad {
  readonly finishedAt: string;
  readonly rotations: { parallel: number; accepted: number };
  readonly agentCalls: { parallel: number; agents: number; served: number; refused: number };
  readonly soak: {
    seconds: number;
    ratePerSecond: number;
    requests: number;
    errors: number;
    latencyMs: { p50: number; p95: number; p99: number };
    heapMb: { start: number; end: number; max: number; growth: number };
  };
  readonly requests: number;
  readonly contractViolations: number;
  readonly problems: readonly string[];
}

function loadFigures(load: SavedLoad | undefined): [string, string] {
  if (!load) return ['not run on this machine yet (`npm run test:load`)', 'not run yet'];
  const { soak } = load;
  const concurrency = `${load.rotations.parallel} parallel rotations (${load.rotations.accepted} acknowledged, the rest 409); ${number(load.agentCalls.parallel)} parallel agent calls over ${load.agentCalls.agents} agents (${number(load.agentCalls.served)} served, ${number(load.agentCalls.refused)} refused at the cap); ${number(load.requests)} answers, ${load.contractViolations} contract violations`;
  const short =
    soak.seconds < LONG_FORM.soakSeconds ? ` (shortened from ${LONG_FORM.soakSeconds} s)` : '';
  const soaked = `${soak.seconds} s${short} at ${soak.ratePerSecond} requests/s: ${number(soak.requests)} requests, ${soak.errors} errors, p50/p95/p99 ${soak.latencyMs.p50}/${soak.latencyMs.p95}/${soak.latencyMs.p99} ms; API heap after GC ${soak.heapMb.start} → ${soak.heapMb.end} MB (max ${soak.heapMb.max} MB) — ${load.finishedAt.slice(0, 10)}`;
  return [concurrency, soaked];
}

function hostileCount(): number {
  const ids = HOSTILE_IDS.length * ID_ROUTES.length + ID_ROUTES.length;
  const headers = 1 + HOSTILE_IF_MATCH.length + 1 + MALFORMED_HEADERS.length + 1;
  return HOSTILE_BODIES.length + ids + HOSTILE_QUERIES.length + headers;
}

async function figures(): Promise<string> {
  const fuzz = await loadResults<SavedFuzz>(FUZZ_RESULTS);
  const fuzzShort = await loadResults<SavedFuzz>(FUZZ_SHORT_RESULTS);
  const [concurrency, soak] = loadFigures(await loadResults<SavedLoad>(LOAD_RESULTS));
  const rows = [
    ['OpenAPI contract', contractFigure(), '`functions/http/openapi/`, `contract.test.ts`'],
    ['Fuzzing (`npm run test:fuzz`)', fuzzFigure(fuzz), '`test/security/fuzz.ts`'],
    ['Fuzzing, short form (`npm test`)', fuzzFigure(fuzzShort), '`fuzz.test.ts`'],
    [
      'Authorization matrix',
      `${AUTHORIZATION_MATRIX.length} requests × ${CALLERS.length} callers = ${MATRIX_CELLS.length} cells, plus field visibility for 4 roles`,
      '`authorization-matrix.test.ts`',
    ],
    [
      'Fault injection',
      `${GATEWAY_FAULT_CASES.length} AWS faults on every AWS call of an agent call, each with its invariants and the daily job's release`,
      '`gateway-aws-faults.test.ts`',
    ],
    [
      'Concurrency (`npm test`)',
      `${SHORT_FORM.rotations} parallel rotations of one key; ${SHORT_FORM.agentCalls} parallel agent calls over ${SHORT_FORM.agents} agents at tight caps`,
      '`concurrency.test.ts`',
    ],
    ['Concurrency (`npm run test:load`)', concurrency, '`test/security/load.ts`'],
    ['Soak (`npm run test:load`)', soak, '`test/security/load.ts`'],
    [
      'Hostile input',
      `${hostileCount()} cases: bodies, ids, query strings, headers`,
      '`hostile-input.test.ts`',
    ],
    [
      'Plaintext canary',
      `${Object.keys(CANARY_KEYS).length + 1} keys (${Object.keys(CANARY_KEYS).length} BYO and the hosted one) through set, rotate, failed rotations, hosted and BYO calls, a revoked key, the cap, the daily job and revert; searched in ${CANARY_SURFACES.length} places: ${CANARY_SURFACES.join('; ')}`,
      '`plaintext-canary.test.ts`',
    ],
  ];
  return [
    '_Generated by `npm run security:report` from the test tables and the last long runs on',
    'this machine; edit the tables, not this section. Test files are under',
    '`test/integration/security/`._',
    '',
    ...rows.map(([what, figure, where]) => `- **${what}** (${where}): ${figure}.`),
  ].join('\n');
}

const check = process.argv.includes('--check');
const before = await readFile(DOCUMENT, 'utf8');
let after = replaceSection(before, 'authorization', authorizationMarkdown());
after = replaceSection(after, 'figures', await figures());

if (check) {
  if (after !== before) {
    console.error('docs/security.md is out of date: run `npm run security:report`');
    process.exit(1);
  }
  console.log('docs/security.md is up to date');
} else {
  await writeFile(DOCUMENT, after);
  console.log(`docs/security.md: ${MATRIX_CELLS.length} matrix cells and the figures written`);
}
