/**
 * Requests an attacker or a broken client sends: the tables
 * test/integration/security/hostile-input.test.ts runs and
 * `npm run security:report` counts. Each must be refused with a 4xx in the
 * error envelope and change nothing.
 */

/** A route that reads a JSON body. */
export type BodyRoute = 'PATCH /agents/{id}' | 'POST /agents' | 'POST /agents/{id}/messages';

export interface HostileBody {
  readonly name: string;
  readonly route: BodyRoute;
  /** Raw body text; built on demand, some are large. */
  readonly body: () => string;
  /** Defaults to `application/json`; null sends none. */
  readonly contentType?: string | null;
  readonly status: number;
  readonly code: string;
}

const KIB = 1024;
const MIB = 1024 * KIB;

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const json = (value: unknown) => () => JSON.stringify(value);
const raw = (text: string) => () => text;

const CAPS: readonly [string, string][] = [
  ['negative', '-1'],
  ['fractional', '0.5'],
  ['above the maximum', '10000001'],
  ['huge', '1e308'],
  ['infinite once parsed', '1e400'],
  ['beyond safe integers', '9007199254740993'],
  ['a string', '"100"'],
  ['null', 'null'],
  ['a boolean', 'true'],
  ['an array', '[100]'],
  ['an operator object', '{"$gt":0}'],
];

const NAMES: readonly [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['BEL', 'a\u0007b'],
  ['an ANSI escape', '\u001b[31mred'],
  ['a newline', 'line\nbreak'],
  ['a right-to-left override', 'gpj.\u202eexe'],
  ['only a zero-width space', '\u200b'],
  ['a line separator', 'a\u2028b'],
  ['a byte-order mark inside', 'na\ufeffme'],
  ['only spaces', '   '],
  ['101 characters', 'x'.repeat(101)],
  ['101 emoji', '🚀'.repeat(101)],
];

const capCases = (route: 'PATCH /agents/{id}' | 'POST /agents'): HostileBody[] =>
  CAPS.map(([name, value]) => ({
    name: `a cap ${name}`,
    route,
    body: raw(`{"name":"Cap","dailySpendCapCents":${value}}`),
    status: 400,
    code: 'validation_failed',
  }));

const nameCases = (route: 'PATCH /agents/{id}' | 'POST /agents'): HostileBody[] =>
  NAMES.map(([name, value]) => ({
    name: `a name with ${name}`,
    route,
    body: json({ name: value }),
    status: 400,
    code: 'validation_failed',
  }));

const contentTypeCases = (route: BodyRoute, body: string): HostileBody[] =>
  [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'text/json',
    null,
  ].map((contentType) => ({
    name: `a JSON body sent as ${contentType ?? 'no content type'}`,
    route,
    body: raw(body),
    contentType,
    status: 415,
    code: 'unsupported_media_type',
  }));

const MESSAGE = '{"max_tokens":5,"messages":[{"role":"user","content":"hi"}]}';

export const HOSTILE_BODIES: readonly HostileBody[] = [
  {
    name: 'a body one byte over 1 MiB',
    route: 'POST /agents/{id}/messages',
    body: () => {
      const [head, tail] = ['{"max_tokens":5,"messages":["', '"]}'];
      return `${head}${'x'.repeat(MIB + 1 - head.length - tail.length)}${tail}`;
    },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: "a body over API Gateway's 10 MiB",
    route: 'PATCH /agents/{id}',
    body: () => `{"name":"${'x'.repeat(10 * MIB)}"}`,
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: '10,000 nested arrays',
    route: 'PATCH /agents/{id}',
    body: raw(nestedArrays(10_000)),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: '10,000 nested objects',
    route: 'PATCH /agents/{id}',
    body: raw(nestedObjects(10_000)),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a name of 10,000 nested arrays',
    route: 'POST /agents',
    body: raw(`{"name":${nestedArrays(10_000)}}`),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'messages of 10,000 nested arrays',
    route: 'POST /agents/{id}/messages',
    body: raw(`{"max_tokens":5,"messages":${nestedArrays(10_000)}}`),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a message content of 10,000 nested arrays',
    route: 'POST /agents/{id}/messages',
    body: raw(`{"max_tokens":5,"messages":[{"role":"user","content":${nestedArrays(10_000)}}]}`),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a null message',
    route: 'POST /agents/{id}/messages',
    body: raw('{"max_tokens":5,"messages":[null]}'),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: '3,000 unknown fields',
    route: 'PATCH /agents/{id}',
    body: json(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`field${i}`, i]))),
    status: 400,
    code: 'unknown_field',
  },
  {
    name: 'a name of 60,000 characters',
    route: 'PATCH /agents/{id}',
    body: json({ name: 'x'.repeat(60_000) }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: '100,000 messages with no room to answer',
    route: 'POST /agents/{id}/messages',
    body: raw(`{"max_tokens":0,"messages":[${Array(100_000).fill('0').join(',')}]}`),
    status: 400,
    code: 'validation_failed',
  },
  ...[
    '{"name":"x"',
    '{"name":"x"} trailing',
    "{'name':'x'}",
    '{"name":NaN}',
    '\ufeff{"name":"x"}',
  ].map(
    (text): HostileBody => ({
      name: `malformed JSON ${JSON.stringify(text)}`,
      route: 'PATCH /agents/{id}',
      body: raw(text),
      status: 400,
      code: 'malformed_json',
    }),
  ),
  {
    name: 'an empty body',
    route: 'POST /agents/{id}/messages',
    body: raw(''),
    status: 400,
    code: 'malformed_json',
  },
  ...contentTypeCases('POST /agents', '{"name":"x"}'),
  ...contentTypeCases('POST /agents/{id}/messages', MESSAGE),
  ...nameCases('PATCH /agents/{id}'),
  ...nameCases('POST /agents'),
  ...capCases('PATCH /agents/{id}'),
  ...capCases('POST /agents'),
  ...['__proto__', 'constructor', 'prototype'].map(
    (key): HostileBody => ({
      name: `a ${key} key`,
      route: 'POST /agents',
      body: raw(`{"name":"x","${key}":{"polluted":"yes"}}`),
      status: 400,
      code: 'unknown_field',
    }),
  ),
  {
    name: 'a __proto__ key inside the name',
    route: 'PATCH /agents/{id}',
    body: raw('{"name":{"__proto__":{"polluted":"yes"}}}'),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a provider that is no provider',
    route: 'PATCH /agents/{id}',
    body: json({ llmProvider: 'ADMIN' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a model id with a shell command',
    route: 'PATCH /agents/{id}',
    body: json({ llmModel: 'claude-opus-4-7; rm -rf /' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a key with a CRLF and a header after it',
    route: 'PATCH /agents/{id}',
    body: json({
      llmProvider: 'BYO_ANTHROPIC',
      byoApiKey: `sk-ant-api03-${'a'.repeat(60)}\r\nX-Injected: 1`,
    }),
    status: 400,
    code: 'byo_key_malformed',
  },
  {
    name: 'a key of 10,000 characters',
    route: 'PATCH /agents/{id}',
    body: json({ llmProvider: 'BYO_ANTHROPIC', byoApiKey: `sk-ant-api03-${'a'.repeat(10_000)}` }),
    status: 400,
    code: 'byo_key_malformed',
  },
];

/** Path segments in place of an agent id: none is an id, so every route answers 404. */
export const HOSTILE_IDS: readonly string[] = [
  '..',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '..%2f..%2fetc%2fpasswd',
  '%252e%252e',
  '.',
  '%27%20OR%201%3D1',
  "'OR'1'='1",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%00',
  'agt_x%0d%0aSet-Cookie:%20a=b',
  '%E2%80%AE',
  '*',
  '%7Bid%7D',
  'agt_00000000000000000000',
];

/** The routes with an agent id, and what each sends. */
export const ID_ROUTES: readonly {
  readonly method: string;
  readonly suffix: string;
  readonly body?: string;
}[] = [
  { method: 'GET', suffix: '' },
  { method: 'PATCH', suffix: '', body: '{"name":"Renamed"}' },
  { method: 'GET', suffix: '/audit-events' },
  { method: 'GET', suffix: '/spend' },
  { method: 'POST', suffix: '/messages', body: MESSAGE },
];

/** Query strings no route accepts (`{id}` is an agent of the caller's): each a 400. */
export const HOSTILE_QUERIES: readonly { readonly path: string; readonly code: string }[] = [
  { path: "/agents/{id}/spend?day='%20OR%201=1", code: 'validation_failed' },
  { path: '/agents/{id}/spend?day=2026-02-30', code: 'validation_failed' },
  { path: '/agents/{id}/spend?day=..%2F..%2Fetc%2Fpasswd', code: 'validation_failed' },
  { path: '/agents/{id}/spend?day=2026-01-01&day=2026-01-02', code: 'validation_failed' },
  { path: '/agents/{id}/audit-events?limit=-1', code: 'validation_failed' },
  { path: '/agents/{id}/audit-events?limit=1e9', code: 'validation_failed' },
  { path: '/agents/{id}/audit-events?limit=1;DROP%20TABLE%20audit', code: 'validation_failed' },
  { path: '/agents/{id}/audit-events?cursor=%3Cscript%3E', code: 'validation_failed' },
  { path: `/agents/{id}/audit-events?cursor=${'A'.repeat(201)}`, code: 'validation_failed' },
  { path: '/agents/{id}/audit-events?constructor=x', code: 'unknown_field' },
  { path: '/usage?month=2026-13', code: 'validation_failed' },
  { path: '/usage?month[$gt]=', code: 'unknown_field' },
  { path: '/usage?month=2026-01%0d%0aX-Injected:%201', code: 'validation_failed' },
];

/** If-Match values that name no version of the agent: each a 412, nothing written. */
export const HOSTILE_IF_MATCH: readonly [name: string, value: string][] = [
  ['an encoded CRLF', '"1"%0d%0aSet-Cookie: a=b'],
  ['8 KiB of tag', `"${'1'.repeat(8 * KIB)}"`],
  ['a list of tags', '"1", "2", W/"3"'],
  ['a negative version', '"-1"'],
];

/**
 * Header lines the HTTP server refuses before any function runs (as API
 * Gateway would): no envelope, since no handler answered, and nothing written.
 */
export const MALFORMED_HEADERS: readonly [name: string, line: string, status: number][] = [
  ['a bare LF', 'If-Match: "1"\nX-Injected: yes', 400],
  ['a bare CR', 'If-Match: "1"\rX-Injected: yes', 400],
  ['a NUL', 'If-Match: "1"\u0000', 400],
  ['a 20 KiB header', `X-Padding: ${'a'.repeat(20 * KIB)}`, 431],
];
