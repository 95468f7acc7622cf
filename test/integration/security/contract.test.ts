import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH, openApiDocument } from '../../../functions/http/openapi/document.js';
import { errorsByStatus } from '../../../functions/http/openapi/error-responses.js';
import { routeContracts, routeErrors } from '../../../functions/http/openapi/operations.js';
import { API_BASE_PATH, compilePath, ROUTES } from '../../../functions/http/routes.js';
import { ENV } from '../../../functions/shared/environment.js';
import type { Exchange, SendOptions } from '../../security/support/security-client.js';
import { newAnthropicKey } from '../../support/anthropic-keys.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { emulator, messageBody, newMarker, registeredKey } from '../../support/gateway-fixtures.js';
import { byoPatch } from '../agents/helpers/agents-api.js';
import { type AimedFault, injectAimedFault, stringOf } from './support/aimed-faults.js';
import { useSecurityApi } from './support/security-api.js';
import { useShiftedDay } from './support/shifted-day.js';

const clock = useShiftedDay(1993);
// The main workspace validates about ten keys within a minute; the limit scenario uses its own.
const api = useSecurityApi({ environment: { [ENV.validationsPerMinute]: '20' } });

const THROTTLED = { name: 'ThrottlingException', httpStatusCode: 400 } as const;
const sortKeyStarts = (prefix: string) => (input: Readonly<Record<string, unknown>>) =>
  stringOf((input.Key as Record<string, unknown> | undefined)?.sk)?.startsWith(prefix) ?? false;

/** Routes by their `METHOD /path` key, matching ids of any shape (the fallback's 404s too). */
function routeKeyOf(exchange: Exchange): string | undefined {
  const route = ROUTES.find(
    (candidate) =>
      candidate.method === exchange.method &&
      new RegExp(
        compilePath(candidate.path).source.replaceAll('[A-Za-z0-9_-]{1,64}', '[^/]+'),
      ).test(exchange.path),
  );
  return route && `${route.method} ${route.path}`;
}

describe('every route answers as the contract declares, success and error paths', () => {
  let tokens: Awaited<ReturnType<typeof seedTestWorkspace>>['tokens'];
  let hosted: string;
  let byo: string;
  let revoked: string;
  let noCredit: string;
  let capped: string;

  const send = (path: string, options: SendOptions = {}) => api.client.send(path, options);
  const as = (role: keyof typeof tokens, path: string, options: SendOptions = {}) =>
    send(path, { ...options, token: tokens[role] });
  const patch = (agentId: string, body: unknown, options: SendOptions = {}) =>
    as('OWNER', `/agents/${agentId}`, { method: 'PATCH', body, ...options });
  const call = (
    agentId: string,
    body: unknown = messageBody(newMarker()),
    role: keyof typeof tokens = 'MEMBER',
  ) => as(role, `/agents/${agentId}/messages`, { method: 'POST', body });
  const raw = (text: string, contentType = 'application/json') => ({
    body: text,
    headers: { 'content-type': contentType },
  });

  async function withFault<T>(
    client: 'dynamoDb' | 'secretsManager',
    fault: AimedFault,
    act: () => Promise<T>,
  ) {
    const injected = injectAimedFault(api.local.awsClients[client], fault);
    try {
      return await act();
    } finally {
      injected.remove();
    }
  }

  beforeAll(async () => {
    const workspace = await seedTestWorkspace({ agents: 5 });
    tokens = workspace.tokens;
    [hosted, byo, revoked, noCredit, capped] = workspace.agentIds as [
      string,
      string,
      string,
      string,
      string,
    ];
    const keys = {
      byo: await registeredKey(),
      revoked: await registeredKey(),
      noCredit: await registeredKey(),
    };
    await patch(byo, byoPatch(keys.byo));
    await patch(revoked, byoPatch(keys.revoked));
    await patch(noCredit, byoPatch(keys.noCredit));
    await patch(capped, { dailySpendCapCents: 0 });
    await emulator().registerKey(keys.revoked, { status: 'revoked' });
    await emulator().registerKey(keys.noCredit, { status: 'no_credit' });

    // The gateway's first hosted call reads the hosted key: its absence is 503.
    clock.advance(6 * 60_000);
    await withFault(
      'secretsManager',
      {
        command: 'GetSecretValue',
        where: (input) => input.VersionStage === 'AWSCURRENT',
        error: { name: 'ResourceNotFoundException' },
      },
      () => call(hosted),
    );
  }, 60_000);

  it('serves the document it validates against, to anyone', async () => {
    const response = await send(OPENAPI_PATH.slice(API_BASE_PATH.length));

    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('documents every route of the route table, with the bearer scheme and a 401', () => {
    const document = openApiDocument();
    const paths = document.paths as Record<string, Record<string, { responses: object }>>;

    for (const route of ROUTES) {
      const operation = paths[route.path.slice(API_BASE_PATH.length)]?.[route.method.toLowerCase()];
      expect(operation?.responses).toHaveProperty('401');
    }
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  const agent = (id: string) => `/agents/${id}`;
  const throttled =
    (command: string, where: AimedFault['where']) => (act: () => Promise<Exchange>) =>
      withFault('dynamoDb', { command, where, error: THROTTLED }, act);
  const bigName = { name: 'x'.repeat(70 * 1024) };
  const noSuchAgent = 'agt_00000000000000000000';

  /** Every situation of each route, sent in turn; the contract checks each answer. */
  const SITUATIONS: Record<string, () => Promise<unknown>> = {
    'GET /agents': async () => {
      await as('VIEWER', '/agents');
      await send('/agents');
      await throttled('Query', () => true)(() => as('VIEWER', '/agents'));
    },
    'POST /agents': async () => {
      const create = (body: unknown, role: keyof typeof tokens = 'ADMIN') =>
        as(role, '/agents', { method: 'POST', body });
      await create({ name: 'Contract' });
      await create({ name: '' });
      await as('ADMIN', '/agents', { method: 'POST', ...raw('{"name":') });
      await create({ name: 'x', isAdmin: true });
      await create({ name: 'x', llmModel: 'claude-sonnet-4-6' });
      await send('/agents', { method: 'POST', body: { name: 'x' } });
      await create({ name: 'x' }, 'MEMBER');
      await create(bigName);
      await as('ADMIN', '/agents', { method: 'POST', ...raw('{"name":"x"}', 'text/plain') });
      await throttled('TransactWriteItems', () => true)(() => create({ name: 'x' }));
    },
    'GET /agents/{id}, its audit events and spend': async () => {
      for (const suffix of ['', '/audit-events', '/spend']) {
        await as('OWNER', `${agent(byo)}${suffix}`);
        await send(`${agent(byo)}${suffix}`);
        await as('OWNER', `${agent(noSuchAgent)}${suffix}`);
        await as('OWNER', `/agents/%2e%2e${suffix}`);
        const read = () => as('OWNER', `${agent(byo)}${suffix}`);
        await throttled('GetItem', sortKeyStarts('AGENT#'))(read);
      }
      await as('MEMBER', `${agent(byo)}/audit-events`);
      for (const query of ['?limit=0', '?unknown=1']) {
        await as('OWNER', `${agent(byo)}/audit-events${query}`);
      }
      for (const query of ['?day=2026-02-30', '?unknown=1', `?day=${clock.day}`]) {
        await as('OWNER', `${agent(byo)}/spend${query}`);
      }
    },
    'PATCH /agents/{id}, refused before any key check': async () => {
      await patch(hosted, { name: 'Renamed' });
      await patch(hosted, {});
      await patch(hosted, undefined, raw('{"name"'));
      await patch(hosted, { isAdmin: true });
      await patch(hosted, { llmModel: 'claude-sonnet-4-6' });
      await patch(hosted, { llmProvider: 'BYO_ANTHROPIC', byoApiKey: 'not-a-key' });
      await send(agent(hosted), { method: 'PATCH', body: { name: 'x' } });
      await as('VIEWER', agent(hosted), { method: 'PATCH', body: { name: 'x' } });
      await patch(noSuchAgent, { name: 'x' });
      await patch('%2e%2e', { name: 'x' });
      await patch(hosted, { name: 'x' }, { headers: { 'if-match': '"999"' } });
      await patch(hosted, bigName);
      await patch(hosted, undefined, raw('{"name":"x"}', 'text/plain'));
      await throttled('GetItem', sortKeyStarts('AGENT#'))(() => patch(hosted, { name: 'x' }));
    },
    'PATCH /agents/{id}, a key Anthropic judges': async () => {
      await patch(byo, { byoApiKey: newAnthropicKey() });
      await patch(byo, { byoApiKey: await registeredKey({ status: 'forbidden' }) });
      await patch(byo, { byoApiKey: await registeredKey({ status: 'no_credit' }) });
      await patch(byo, {
        byoApiKey: await registeredKey({ models: ['claude-haiku-4-5-20251001'] }),
      });
      const unreachable = await registeredKey();
      await emulator().injectFault({ kind: 'status', status: 529, match: { apiKey: unreachable } });
      await patch(byo, { byoApiKey: unreachable });
      const conflict = {
        name: 'TransactionCanceledException',
        fields: { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] },
      };
      const apiKey = await registeredKey();
      await withFault(
        'dynamoDb',
        { command: 'TransactWriteItems', where: () => true, times: 3, error: conflict },
        () => patch(byo, { byoApiKey: apiKey }),
      );
    },
    'PATCH /agents/{id}, past the validation limit': async () => {
      const limited = await seedTestWorkspace({ roles: ['OWNER'] });
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const refused = await send(agent(limited.agentIds[0]!), {
          method: 'PATCH',
          token: limited.tokens.OWNER,
          body: byoPatch(newAnthropicKey()),
        });
        if (refused.status === 429) return;
      }
    },
    'POST /agents/{id}/messages, refused before Anthropic': async () => {
      await call(hosted, { max_tokens: 0, messages: [] });
      await as('MEMBER', `${agent(hosted)}/messages`, { method: 'POST', ...raw('{"max_tokens":') });
      await call(hosted, messageBody(newMarker(), { model: 'claude-sonnet-4-6' }));
      await call(hosted, messageBody(newMarker(), { stream: true }));
      await send(`${agent(byo)}/messages`, { method: 'POST', body: messageBody(newMarker()) });
      await call(byo, messageBody(newMarker()), 'VIEWER');
      await call(noSuchAgent);
      await call('%2e%2e');
      await call(revoked);
      await call(byo, { max_tokens: 5, messages: ['x'.repeat(1024 * 1024)] });
      await as('MEMBER', `${agent(byo)}/messages`, { method: 'POST', ...raw('{}', 'text/plain') });
      await call(capped);
      const reserve = (input: Readonly<Record<string, unknown>>) =>
        String(input.UpdateExpression).includes(':amount');
      await throttled('UpdateItem', reserve)(() => call(byo));
    },
    'POST /agents/{id}/messages, answered by Anthropic': async () => {
      await call(hosted);
      await call(byo);
      const byoKey = await registeredKey();
      await patch(byo, { byoApiKey: byoKey });
      const fault = (status: number, extra = {}) =>
        emulator().injectFault({ kind: 'status', status, ...extra, match: { apiKey: byoKey } });
      await fault(400, { message: 'bad block' });
      await call(byo);
      await call(noCredit);
      await call(byo, messageBody(newMarker(), { model: 'claude-unreleased-9' }));
      await fault(429, { retryAfterSeconds: 3 });
      await call(byo);
      await fault(529);
      await call(byo);
    },
    'GET /usage': async () => {
      await as('ADMIN', '/usage');
      await as('ADMIN', '/usage?month=2026-13');
      await as('ADMIN', '/usage?unknown=1');
      await send('/usage');
      await as('MEMBER', '/usage');
      await throttled('GetItem', sortKeyStarts('MONTH#'))(() => as('ADMIN', '/usage'));
    },
    'the fallback: an unknown path, a missing method, the document path': async () => {
      await send('/no-such-route');
      await send(agent(byo), { method: 'DELETE' });
      await send('/openapi.json', { method: 'POST' });
    },
  };

  it.each(Object.entries(SITUATIONS))(
    'answers %s within the contract',
    async (_, situation) => {
      await situation();
    },
    60_000,
  );

  it('has seen every status and code the contract declares for every route', () => {
    const seen = new Set(
      api.client.exchanges.map(
        (exchange) =>
          `${routeKeyOf(exchange)} ${exchange.status} ${exchange.body?.error?.code ?? ''}`,
      ),
    );
    const declared = routeContracts().flatMap(({ route, operation }) => {
      const key = `${route.method} ${route.path}`;
      const errors = [...errorsByStatus(routeErrors(route, operation))].flatMap(([status, codes]) =>
        codes.map((code) => `${key} ${status} ${code}`),
      );
      return [`${key} ${operation.success.status} `, ...errors];
    });

    expect(declared.filter((expected) => !seen.has(expected))).toEqual([]);
  });
});
