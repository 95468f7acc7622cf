import { beforeAll, describe, expect, it } from 'vitest';
import { api, seedTestWorkspace } from '../../support/fixtures.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';

const local = useLocalAgentsApi();

describe('a PATCH body the API does not accept', () => {
  let token: string;
  let agentId: string;
  let before: unknown;

  beforeAll(async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    token = workspace.tokens.OWNER;
    agentId = workspace.agentIds[0]!;
    before = (await local.agents.get(token, agentId)).body;
  });

  const patchRaw = (body: string, contentType = 'application/json') =>
    api(`${local.url}/agents/${agentId}`, token, {
      method: 'PATCH',
      body,
      headers: { 'content-type': contentType },
    });

  async function expectUnchanged() {
    expect((await local.agents.get(token, agentId)).body).toEqual(before);
  }

  it.each([
    ['isAdmin', { name: 'Renamed', isAdmin: true }],
    ['version', { name: 'Renamed', version: 99 }],
    ['workspaceId', { name: 'Renamed', workspaceId: 'ws_00000000000000000000' }],
    ['byoKeySecretId', { byoKeySecretId: 'sec_00000000000000000000' }],
    ['byoKeyHint', { byoKeyHint: 'sk-ant-****abcd' }],
  ])(
    'refuses the unknown field %s with 400 unknown_field and changes nothing',
    async (field, body) => {
      const response = await local.agents.patch(token, agentId, body);

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'unknown_field' });
      expect(response.body.error.fields).toContainEqual({ field, problem: expect.any(String) });
      await expectUnchanged();
    },
  );

  it.each([
    ['__proto__', '{"__proto__":{"polluted":"yes"},"name":"Polluted"}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":"yes"}},"name":"Polluted"}'],
  ])('refuses a %s key with 400 and pollutes no prototype', async (_, body) => {
    const response = await patchRaw(body);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('unknown_field');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUnchanged();
  });

  it('refuses an empty object with 400 validation_failed', async () => {
    const response = await local.agents.patch(token, agentId, {});

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('refuses malformed JSON with 400 malformed_json', async () => {
    const response = await patchRaw('{"name": "Renamed"');

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('malformed_json');
    await expectUnchanged();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])(
    'refuses a body sent as %s with 415 unsupported_media_type',
    async (contentType) => {
      const response = await patchRaw('{"name":"Renamed"}', contentType);

      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
      await expectUnchanged();
    },
  );

  it.each(['PATCH', 'POST'])(
    'refuses a %s body over 64 KiB with 413 payload_too_large',
    async (method) => {
      const url = method === 'POST' ? `${local.url}/agents` : `${local.url}/agents/${agentId}`;

      const response = await api(url, token, { method, body: { name: 'x'.repeat(64 * 1024) } });

      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({ code: 'payload_too_large', maxBytes: 65536 });
      await expectUnchanged();
    },
  );

  it('authenticates the caller before reading the body', async () => {
    const response = await api(`${local.url}/agents/${agentId}`, undefined, {
      method: 'PATCH',
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });
});

describe('a request no route serves', () => {
  it.each(['/nope', '/agents/agt_00000000000000000000/nope', '/agents/agt_1/audit-events/x'])(
    'answers %s with 404 route_not_found',
    async (path) => {
      const response = await api(`${local.url}${path}`);

      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({
        code: 'route_not_found',
        requestId: expect.any(String),
      });
    },
  );

  it.each([
    ['DELETE', '/agents/agt_00000000000000000000', 'GET, PATCH'],
    ['PUT', '/agents', 'GET, POST'],
    ['POST', '/agents/agt_00000000000000000000/audit-events', 'GET'],
  ])('answers %s %s with 405 method_not_allowed and Allow: %s', async (method, path, allow) => {
    const response = await api(`${local.url}${path}`, undefined, { method });

    expect(response.status).toBe(405);
    expect(response.body.error.code).toBe('method_not_allowed');
    expect(response.headers.get('allow')).toBe(allow);
  });
});
