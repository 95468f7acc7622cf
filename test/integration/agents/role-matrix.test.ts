import { beforeAll, describe, expect, it } from 'vitest';
import { generateApiToken } from '../../../functions/auth/api-token.js';
import type { Role } from '../../../functions/auth/principal.js';
import { api, seedTestWorkspace } from '../../support/fixtures.js';
import { byoPatch } from './helpers/agents-api.js';
import { hintOf } from './helpers/anthropic-keys.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';

const local = useLocalAgentsApi();

const CALLERS = [
  'no token',
  'a malformed header',
  'an unknown token',
  'VIEWER',
  'MEMBER',
  'ADMIN',
  'OWNER',
  'the OWNER of another workspace',
] as const;
type Caller = (typeof CALLERS)[number];

/** Expected status per route, one column per caller in the order of CALLERS. */
const EXPECTED: Record<string, readonly number[]> = {
  'GET /agents': [401, 401, 401, 200, 200, 200, 200, 200],
  'POST /agents': [401, 401, 401, 403, 403, 201, 201, 201],
  'GET /agents/{id}': [401, 401, 401, 200, 200, 200, 200, 404],
  'PATCH /agents/{id} changing the cap': [401, 401, 401, 403, 403, 200, 200, 404],
  'PATCH /agents/{id} renaming': [401, 401, 401, 403, 200, 200, 200, 404],
  'GET /agents/{id}/audit-events': [401, 401, 401, 403, 403, 200, 200, 404],
};

const ERROR_CODES: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
};

const CELLS = Object.entries(EXPECTED).flatMap(([route, statuses]) =>
  CALLERS.map((caller, index) => ({ route, caller, status: statuses[index]! })),
);

describe('who may call each agent route', () => {
  let workspace: Awaited<ReturnType<typeof seedTestWorkspace>>;
  let otherOwnerToken: string;
  let agentId: string;
  let changeCount = 0;

  beforeAll(async () => {
    workspace = await seedTestWorkspace();
    otherOwnerToken = (await seedTestWorkspace({ roles: ['OWNER'] })).tokens.OWNER;
    agentId = workspace.agentIds[0]!;
  });

  function authorization(caller: Caller): Record<string, string> {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    switch (caller) {
      case 'no token':
        return {};
      case 'a malformed header':
        return { authorization: `Token ${workspace.tokens.OWNER}` };
      case 'an unknown token':
        return bearer(generateApiToken());
      case 'the OWNER of another workspace':
        return bearer(otherOwnerToken);
      default:
        return bearer(workspace.tokens[caller]);
    }
  }

  function send(route: string, headers: Record<string, string>) {
    const agentUrl = `${local.url}/agents/${agentId}`;
    changeCount += 1;
    switch (route) {
      case 'GET /agents':
        return api(`${local.url}/agents`, undefined, { headers });
      case 'POST /agents':
        return api(`${local.url}/agents`, undefined, {
          method: 'POST',
          headers,
          body: { name: 'Created by the role matrix' },
        });
      case 'GET /agents/{id}':
        return api(agentUrl, undefined, { headers });
      case 'PATCH /agents/{id} changing the cap':
        return api(agentUrl, undefined, {
          method: 'PATCH',
          headers,
          body: { dailySpendCapCents: 1000 + changeCount },
        });
      case 'PATCH /agents/{id} renaming':
        return api(agentUrl, undefined, {
          method: 'PATCH',
          headers,
          body: { name: `Renamed ${changeCount}` },
        });
      default:
        return api(`${agentUrl}/audit-events`, undefined, { headers });
    }
  }

  it.each(CELLS)('$route by $caller answers $status', async ({ route, caller, status }) => {
    const response = await send(route, authorization(caller));

    expect(response.status).toBe(status);
    if (status >= 400) expect(response.body.error.code).toBe(ERROR_CODES[status]);
    if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('lists only the agents of the caller workspace', async () => {
    const response = await api(`${local.url}/agents`, otherOwnerToken);

    const ids = response.body.agents.map((agent: { id: string }) => agent.id);
    expect(ids).not.toContain(agentId);
  });

  it.each([
    ['VIEWER', { name: 'Viewer rename' }],
    ['MEMBER', { dailySpendCapCents: 1 }],
  ] as const)('changes nothing when a %s is refused', async (role, body) => {
    const before = await local.agents.get(workspace.tokens.OWNER, agentId);

    const response = await local.agents.patch(workspace.tokens[role], agentId, body);

    expect(response.status).toBe(403);
    expect((await local.agents.get(workspace.tokens.OWNER, agentId)).body).toEqual(before.body);
  });
});

describe('which key fields each role sees', () => {
  const tokens = {} as Record<Role, string>;
  let agentId: string;
  let apiKey: string;
  let secretId: string;

  beforeAll(async () => {
    const workspace = await seedTestWorkspace();
    Object.assign(tokens, workspace.tokens);
    agentId = workspace.agentIds[0]!;
    apiKey = await registeredKey();
    const set = await local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey));
    secretId = set.body.byoKeySecretId;
  });

  it.each([
    ['OWNER', true],
    ['ADMIN', true],
    ['MEMBER', false],
    ['VIEWER', false],
  ] as const)('shows a %s the secret id: %s', async (role, seesSecretId) => {
    const one = await local.agents.get(tokens[role], agentId);
    const list = await local.agents.list(tokens[role]);

    const listed = list.body.agents.find((agent: { id: string }) => agent.id === agentId);
    for (const view of [one.body, listed]) {
      expect(view).toMatchObject({ byoKeyHint: hintOf(apiKey), byoKeyStatus: 'VALID' });
      expect(view.byoKeySecretId).toBe(seesSecretId ? secretId : undefined);
    }
  });

  it('answers a MEMBER rename without the secret id', async () => {
    const response = await local.agents.patch(tokens.MEMBER, agentId, { name: 'Member rename' });

    expect(response.status).toBe(200);
    expect(response.body.byoKeyHint).toBe(hintOf(apiKey));
    expect(response.body).not.toHaveProperty('byoKeySecretId');
  });
});
