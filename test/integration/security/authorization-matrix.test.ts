import { beforeAll, describe, expect, it } from 'vitest';
import { generateApiToken } from '../../../functions/auth/api-token.js';
import type { Role } from '../../../functions/auth/principal.js';
import {
  type Caller,
  FIELD_VISIBILITY,
  MATRIX_CELLS,
  type MatrixRequest,
  REFUSAL_CODES,
} from '../../security/authorization-matrix.js';
import type { SendOptions } from '../../security/support/security-client.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { callsCarrying, messageBody, newMarker } from '../../support/gateway-fixtures.js';
import { byoPatch } from '../agents/helpers/agents-api.js';
import { registeredKey } from '../agents/helpers/emulator.js';
import { useSecurityApi } from './support/security-api.js';

const api = useSecurityApi();

type Workspace = Awaited<ReturnType<typeof seedTestWorkspace>>;
type OtherWorkspace = Awaited<ReturnType<typeof seedTestWorkspace<'OWNER'>>>;

describe('the authorization matrix', () => {
  let workspace: Workspace;
  let other: OtherWorkspace;
  let agentId: string;
  let changes = 0;
  /** The workspace as a refused write must leave it; read again after each accepted write. */
  let expected: Awaited<ReturnType<typeof workspaceState>>;

  beforeAll(async () => {
    workspace = await seedTestWorkspace();
    other = await seedTestWorkspace({ roles: ['OWNER'] });
    agentId = workspace.agentIds[0]!;
    // A BYO agent, so the matrix's agent views have key fields to show or hide.
    const set = await api.client.send(`/agents/${agentId}`, {
      method: 'PATCH',
      token: workspace.tokens.OWNER,
      body: byoPatch(await registeredKey()),
    });
    expect(set.status).toBe(200);
    expected = await workspaceState();
  });

  function authorization(caller: Caller): Record<string, string> {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    switch (caller) {
      case 'no token':
        return {};
      case 'malformed header':
        return { authorization: `Token ${workspace.tokens.OWNER}` };
      case 'unknown token':
        return bearer(generateApiToken());
      case 'OWNER of another workspace':
        return bearer(other.tokens.OWNER);
      default:
        return bearer(workspace.tokens[caller]);
    }
  }

  /** What each matrix request sends; every change is new, so a 200 is never a no-op. */
  async function requestFor(
    request: MatrixRequest,
    marker: string,
  ): Promise<[string, SendOptions]> {
    const agent = `/agents/${agentId}`;
    changes += 1;
    switch (request) {
      case 'GET /agents':
        return ['/agents', {}];
      case 'POST /agents':
        return ['/agents', { method: 'POST', body: { name: `Matrix ${marker}` } }];
      case 'GET /agents/{id}':
        return [agent, {}];
      case 'PATCH /agents/{id} name':
        return [agent, { method: 'PATCH', body: { name: `Renamed ${changes}` } }];
      case 'PATCH /agents/{id} dailySpendCapCents':
        return [agent, { method: 'PATCH', body: { dailySpendCapCents: 5000 + changes } }];
      case 'PATCH /agents/{id} llmModel': {
        const llmModel = changes % 2 ? 'claude-sonnet-4-6' : 'claude-opus-4-7';
        return [agent, { method: 'PATCH', body: { llmModel } }];
      }
      case 'PATCH /agents/{id} promptCacheTtl': {
        const promptCacheTtl = changes % 2 ? '1h' : '5m';
        return [agent, { method: 'PATCH', body: { promptCacheTtl } }];
      }
      case 'PATCH /agents/{id} BYO key':
        return [agent, { method: 'PATCH', body: byoPatch(await registeredKey()) }];
      case 'GET /agents/{id}/audit-events':
        return [`${agent}/audit-events`, {}];
      case 'GET /agents/{id}/spend':
        return [`${agent}/spend`, {}];
      case 'POST /agents/{id}/messages':
        return [`${agent}/messages`, { method: 'POST', body: messageBody(marker) }];
      case 'GET /usage':
        return ['/usage', {}];
    }
  }

  /** The workspace's agent count, the agent's version and audit trail, as its OWNER reads them. */
  async function workspaceState() {
    const owner = workspace.tokens.OWNER;
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

  it.each(MATRIX_CELLS)(
    '$request by $caller answers $status',
    async ({ request, caller, status }) => {
      const marker = newMarker();
      const [path, options] = await requestFor(request, marker);
      const writes = !request.startsWith('GET');

      const response = await api.client.send(path, {
        ...options,
        headers: { ...options.headers, ...authorization(caller) },
      });

      expect(response.status).toBe(status);
      if (status >= 400) {
        expect(response.body.error.code).toBe(REFUSAL_CODES[status]);
        if (writes) expect(await workspaceState()).toEqual(expected);
      } else if (writes) {
        expected = await workspaceState();
      }
      if (status === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
      if (request === 'POST /agents/{id}/messages') {
        expect(await callsCarrying(marker)).toHaveLength(status === 200 ? 1 : 0);
      }
    },
  );

  it.each(['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'] as const)(
    'shows byoKeySecretId to a %s only when the visibility table says so',
    async (role: Role) => {
      const token = workspace.tokens[role];
      const visible = FIELD_VISIBILITY.byoKeySecretId[role];

      const one = await api.client.send(`/agents/${agentId}`, { token });
      const list = await api.client.send('/agents', { token });
      const listed = list.body.agents.find((agent: { id: string }) => agent.id === agentId);

      for (const view of [one.body, listed]) {
        expect(view.byoKeyHint).toMatch(/^sk-ant-\*{4}/);
        expect('byoKeySecretId' in view).toBe(visible);
      }
    },
  );

  it('answers a MEMBER rename with the hint and without the secret id', async () => {
    const response = await api.client.send(`/agents/${agentId}`, {
      method: 'PATCH',
      token: workspace.tokens.MEMBER,
      body: { name: 'Member rename' },
    });

    expect(response.status).toBe(200);
    expect(response.body.byoKeyHint).toMatch(/^sk-ant-\*{4}/);
    expect(response.body).not.toHaveProperty('byoKeySecretId');
  });

  it("answers another workspace's OWNER about their own workspace only", async () => {
    const token = other.tokens.OWNER;

    const list = await api.client.send('/agents', { token });
    const created = await api.client.send('/agents', {
      method: 'POST',
      token,
      body: { name: 'Elsewhere' },
    });
    const ours = await api.client.send('/agents', { token: workspace.tokens.VIEWER });

    const ids = (response: typeof list) => response.body.agents.map((a: { id: string }) => a.id);
    expect(ids(list)).toEqual(expect.arrayContaining(other.agentIds));
    expect(ids(list)).not.toContain(agentId);
    expect(ids(ours)).not.toContain(created.body.id);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the scheme alone', 'Bearer'],
    ['Basic credentials', 'Basic b3duZXI6cGFzc3dvcmQ='],
    ['a token too short', 'Bearer mt_short'],
    ['a token with a space inside', () => `Bearer ${workspace.tokens.OWNER.slice(0, 20)} x`],
    ['two tokens', () => `Bearer ${workspace.tokens.OWNER}, Bearer ${workspace.tokens.VIEWER}`],
    ['an unknown token', () => `Bearer ${generateApiToken()}`],
    ['a token hash instead of the token', 'Bearer mt_'.padEnd(74, 'a')],
  ])('answers %s with the same 401', async (_, header) => {
    const value = typeof header === 'function' ? header() : header;

    const response = await api.client.send('/agents', {
      headers: value === undefined ? {} : { authorization: value },
    });

    expect(response.status).toBe(401);
    expect(response.body.error).toEqual({
      code: 'unauthorized',
      message: 'Send a valid API token as "Authorization: Bearer mt_..."',
      requestId: expect.any(String),
    });
  });
});
