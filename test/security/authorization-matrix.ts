/**
 * Who may call what: the one table the authorization test runs
 * (test/integration/security/authorization-matrix.test.ts) and
 * `npm run security:report` prints into docs/security.md. Expectations are
 * written out by hand, never derived from the code they check.
 */

/** Every kind of caller the API must tell apart. */
export const CALLERS = [
  'no token',
  'malformed header',
  'unknown token',
  'VIEWER',
  'MEMBER',
  'ADMIN',
  'OWNER',
  'OWNER of another workspace',
] as const;
export type Caller = (typeof CALLERS)[number];

/** A request the matrix sends: a route of `ROUTES`, and for PATCH which field it changes. */
export type MatrixRequest =
  | 'GET /agents'
  | 'POST /agents'
  | 'GET /agents/{id}'
  | 'PATCH /agents/{id} name'
  | 'PATCH /agents/{id} dailySpendCapCents'
  | 'PATCH /agents/{id} llmModel'
  | 'PATCH /agents/{id} promptCacheTtl'
  | 'PATCH /agents/{id} BYO key'
  | 'GET /agents/{id}/audit-events'
  | 'GET /agents/{id}/spend'
  | 'POST /agents/{id}/messages'
  | 'GET /usage';

/** One row: the status each caller gets, in the order of `CALLERS`. */
export interface MatrixRow {
  readonly request: MatrixRequest;
  readonly statuses: readonly [number, number, number, number, number, number, number, number];
}

/**
 * A missing, malformed or unknown token is 401 alike. Another workspace's
 * agent is 404, never 403, so ids cannot be probed; routes without an agent
 * answer another workspace's OWNER about their own workspace.
 */
export const AUTHORIZATION_MATRIX: readonly MatrixRow[] = [
  { request: 'GET /agents', statuses: [401, 401, 401, 200, 200, 200, 200, 200] },
  { request: 'POST /agents', statuses: [401, 401, 401, 403, 403, 201, 201, 201] },
  { request: 'GET /agents/{id}', statuses: [401, 401, 401, 200, 200, 200, 200, 404] },
  { request: 'PATCH /agents/{id} name', statuses: [401, 401, 401, 403, 200, 200, 200, 404] },
  {
    request: 'PATCH /agents/{id} dailySpendCapCents',
    statuses: [401, 401, 401, 403, 403, 200, 200, 404],
  },
  { request: 'PATCH /agents/{id} llmModel', statuses: [401, 401, 401, 403, 403, 200, 200, 404] },
  {
    request: 'PATCH /agents/{id} promptCacheTtl',
    statuses: [401, 401, 401, 403, 403, 200, 200, 404],
  },
  { request: 'PATCH /agents/{id} BYO key', statuses: [401, 401, 401, 403, 403, 200, 200, 404] },
  {
    request: 'GET /agents/{id}/audit-events',
    statuses: [401, 401, 401, 403, 403, 200, 200, 404],
  },
  { request: 'GET /agents/{id}/spend', statuses: [401, 401, 401, 200, 200, 200, 200, 404] },
  {
    request: 'POST /agents/{id}/messages',
    statuses: [401, 401, 401, 403, 200, 200, 200, 404],
  },
  { request: 'GET /usage', statuses: [401, 401, 401, 403, 403, 200, 200, 200] },
];

/** The error code each refusal carries. */
export const REFUSAL_CODES: Readonly<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
};

/** Agent fields only some roles see; everyone else gets the agent without them. */
export const FIELD_VISIBILITY = {
  byoKeySecretId: { VIEWER: false, MEMBER: false, ADMIN: true, OWNER: true },
  byoKeyHint: { VIEWER: true, MEMBER: true, ADMIN: true, OWNER: true },
} as const;

/** Every cell of the matrix, for table-driven tests. */
export const MATRIX_CELLS = AUTHORIZATION_MATRIX.flatMap(({ request, statuses }) =>
  CALLERS.map((caller, index) => ({ request, caller, status: statuses[index]! })),
);

/** The matrix as a Markdown table, one row per request, one column per caller. */
export function authorizationMarkdown(): string {
  const header = ['request', ...CALLERS];
  const rows = AUTHORIZATION_MATRIX.map(({ request, statuses }) => [
    `\`${request}\``,
    ...statuses.map(String),
  ]);
  const visibility = Object.entries(FIELD_VISIBILITY).map(([field, roles]) => [
    `\`${field}\``,
    ...Object.values(roles).map((visible) => (visible ? 'shown' : 'absent')),
  ]);
  return [
    markdownTable(header, rows),
    '',
    markdownTable(['agent field', ...Object.keys(FIELD_VISIBILITY.byoKeyHint)], visibility),
  ].join('\n');
}

/** A Markdown table whose columns line up, as the formatter would leave it. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
