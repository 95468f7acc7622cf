import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BodyRoute,
  HOSTILE_BODIES,
  HOSTILE_IDS,
  HOSTILE_IF_MATCH,
  HOSTILE_QUERIES,
  ID_ROUTES,
  MALFORMED_HEADERS,
} from '../../security/hostile-inputs.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { messageBody, newMarker } from '../../support/gateway-fixtures.js';
import { injectAimedFault, stringOf } from './support/aimed-faults.js';
import { sendRaw } from './support/raw-http.js';
import { useSecurityApi } from './support/security-api.js';

const api = useSecurityApi();

/** DynamoDB's key size limits, which moto does not enforce. */
const PARTITION_KEY_MAX_BYTES = 2048;
const SORT_KEY_MAX_BYTES = 1024;

describe('hostile input', () => {
  let owner: string;
  let agentId: string;
  /**
   * What a refused request must leave as it was: read once, and again only
   * after a test that writes on purpose.
   */
  let before: { agents: number; version: number; events: number };

  async function state() {
    const agents = await api.client.send('/agents', { token: owner });
    const agent = await api.client.send(`/agents/${agentId}`, { token: owner });
    const audit = await api.client.send(`/agents/${agentId}/audit-events?limit=100`, {
      token: owner,
    });
    return {
      agents: agents.body.agents.length,
      version: agent.body.version,
      events: audit.body.events.length,
    };
  }

  beforeAll(async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    owner = workspace.tokens.OWNER;
    agentId = workspace.agentIds[0]!;
    // Room for any call, so a refusal is never the cap's.
    await api.client.send(`/agents/${agentId}`, {
      method: 'PATCH',
      token: owner,
      body: { dailySpendCapCents: 1_000_000 },
    });
    before = await state();
  });

  const pathOf = (route: BodyRoute) =>
    route === 'POST /agents'
      ? '/agents'
      : `/agents/${agentId}${route.endsWith('messages') ? '/messages' : ''}`;

  describe('bodies', () => {
    it.each(
      HOSTILE_BODIES.map((hostile) => [`${hostile.route}: ${hostile.name}`, hostile] as const),
    )('refuses %s and writes nothing', async (_, hostile) => {
      const contentType =
        hostile.contentType === undefined ? 'application/json' : hostile.contentType;

      const response = await api.client.send(pathOf(hostile.route), {
        method: hostile.route.split(' ')[0],
        token: owner,
        body: Buffer.from(hostile.body()),
        headers: contentType === null ? {} : { 'content-type': contentType },
      });

      expect({ status: response.status, code: response.body?.error?.code }).toEqual({
        status: hostile.status,
        code: hostile.code,
      });
      expect(await state()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('accepts any printable name, trimmed, and stores it exactly', async () => {
      const name = 'Agent 北京 🚀 ünïcødé';

      const response = await api.client.send(`/agents/${agentId}`, {
        method: 'PATCH',
        token: owner,
        body: { name: `\ufeff  ${name}  ` },
      });

      expect(response.status).toBe(200);
      expect((await api.client.send(`/agents/${agentId}`, { token: owner })).body.name).toBe(name);
      before = await state();
    });

    it('passes a __proto__ key in a Messages request on to Anthropic and pollutes nothing', async () => {
      const body = JSON.stringify(messageBody(newMarker())).replace(
        /^\{/,
        '{"__proto__":{"polluted":"yes"},',
      );

      const response = await api.client.send(`/agents/${agentId}/messages`, {
        method: 'POST',
        token: owner,
        body,
        headers: { 'content-type': 'application/json' },
      });

      expect(response.status).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('ids', () => {
    const cases = HOSTILE_IDS.flatMap((segment) =>
      ID_ROUTES.map(
        (route) => [`${route.method} /agents/${segment}${route.suffix}`, segment, route] as const,
      ),
    );

    it.each(cases)('answers %s with 404 and writes nothing', async (_, segment, route) => {
      const response = await api.client.send(`/agents/${segment}${route.suffix}`, {
        method: route.method,
        token: owner,
        ...(route.body
          ? { body: route.body, headers: { 'content-type': 'application/json' } }
          : {}),
      });

      expect(response.status).toBe(404);
      expect(['not_found', 'route_not_found']).toContain(response.body.error.code);
      expect(await state()).toEqual(before);
    });

    it.each(ID_ROUTES.map((route) => [`${route.method} …${route.suffix}`, route] as const))(
      'answers %s for an id too long for a DynamoDB key with 404, without asking storage',
      async (_, route) => {
        const tooLong = 'a'.repeat(SORT_KEY_MAX_BYTES + 1);
        const keySizeLimit = injectAimedFault(api.local.awsClients.dynamoDb, {
          command: 'GetItem',
          where: (input) => {
            const key = input.Key as Record<string, unknown>;
            const bytes = (value: unknown) => Buffer.byteLength(stringOf(value) ?? '');
            return bytes(key?.pk) > PARTITION_KEY_MAX_BYTES || bytes(key?.sk) > SORT_KEY_MAX_BYTES;
          },
          times: Number.POSITIVE_INFINITY,
          error: {
            name: 'ValidationException',
            message: 'Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
          },
        });

        const response = await api.client
          .send(`/agents/${tooLong}${route.suffix}`, {
            method: route.method,
            token: owner,
            ...(route.body
              ? { body: route.body, headers: { 'content-type': 'application/json' } }
              : {}),
          })
          .finally(() => keySizeLimit.remove());

        expect(keySizeLimit.seen).toBe(0);
        expect(response.status).toBe(404);
        expect(['not_found', 'route_not_found']).toContain(response.body.error.code);
      },
    );
  });

  describe('query strings', () => {
    it.each(HOSTILE_QUERIES.map((query) => [query.path, query] as const))(
      'refuses %s with 400',
      async (_, query) => {
        const response = await api.client.send(query.path.replace('{id}', agentId), {
          token: owner,
        });

        expect({ status: response.status, code: response.body.error.code }).toEqual({
          status: 400,
          code: query.code,
        });
      },
    );
  });

  describe('headers', () => {
    const rawRequest = (lines: readonly string[], body = '') =>
      sendRaw(api.client.apiUrl, lines, body);

    const patchLines = (...headers: string[]) => [
      `PATCH /api/v1/agents/${agentId} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${owner}`,
      'Content-Type: application/json',
      ...headers,
    ];
    const rename = '{"name":"Injected"}';

    it('keeps a CRLF in If-Match from adding a header of its own to the answer', async () => {
      const answer = await rawRequest(patchLines('If-Match: "1"\r\nX-Injected: yes'), rename);

      expect(answer.status).toBe(412);
      expect(answer.json?.error.code).toBe('precondition_failed');
      expect(answer.headers['x-injected']).toBeUndefined();
      expect(await state()).toEqual(before);
    });

    it.each(HOSTILE_IF_MATCH)(
      'answers If-Match with %s with 412 and writes nothing',
      async (_, ifMatch) => {
        const answer = await rawRequest(patchLines(`If-Match: ${ifMatch}`), rename);

        expect(answer.status).toBe(412);
        expect(answer.json?.error.code).toBe('precondition_failed');
        expect(await state()).toEqual(before);
      },
    );

    it('answers 8 KiB of Authorization with 401', async () => {
      const response = await api.client.send('/agents', {
        headers: { authorization: `Bearer mt_${'a'.repeat(8 * 1024)}` },
      });

      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    });

    it.each(MALFORMED_HEADERS)(
      'drops a request with %s before any function runs, writing nothing',
      async (_, header, status) => {
        const answer = await rawRequest(patchLines(header), rename);

        expect(answer.status).toBe(status);
        expect(await state()).toEqual(before);
      },
    );

    it('builds Location from the route, never from the Host header', async () => {
      const answer = await rawRequest(
        [
          'POST /api/v1/agents HTTP/1.1',
          'Host: evil.example',
          'X-Forwarded-Host: evil.example',
          `Authorization: Bearer ${owner}`,
          'Content-Type: application/json',
        ],
        '{"name":"Located"}',
      );

      expect(answer.status).toBe(201);
      expect(answer.headers.location).toMatch(/^\/api\/v1\/agents\/agt_[0-9a-z]+$/);
      before = await state();
    });
  });
});
