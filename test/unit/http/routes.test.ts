import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_BASE_PATH, matchRoute, ROUTES } from '../../../functions/http/routes.js';

const AGENT_ID = 'agt_0123456789abcdefghjk';
const agentPath = (suffix = '') => `${API_BASE_PATH}/agents/${AGENT_ID}${suffix}`;

/** A route path with every `{param}` filled in. */
const concrete = (path: string, id: string) => path.replace('{id}', id);

describe('matchRoute', () => {
  it.each(ROUTES.map((route) => [route.method, route.path, route.functionId] as const))(
    'matches %s %s to %s with its parameters',
    (method, path, functionId) => {
      const match = matchRoute(method, concrete(path, AGENT_ID));

      expect(match.route?.functionId).toBe(functionId);
      expect(match.route?.path).toBe(path);
      expect(match.pathParameters).toEqual(path.includes('{id}') ? { id: AGENT_ID } : {});
    },
  );

  it('matches a path with a trailing slash', () => {
    const match = matchRoute('GET', agentPath('/spend/'));

    expect(match.route?.path).toBe(`${API_BASE_PATH}/agents/{id}/spend`);
    expect(match.pathParameters).toEqual({ id: AGENT_ID });
  });

  it('lists every method of the path when the method is another', () => {
    const match = matchRoute('DELETE', agentPath());

    expect(match.route).toBeUndefined();
    expect(match.pathParameters).toEqual({});
    expect([...match.allowedMethods].sort()).toEqual(['GET', 'PATCH']);
  });

  it('lists POST alone for the messages path asked with GET', () => {
    const match = matchRoute('GET', agentPath('/messages'));

    expect(match.route).toBeUndefined();
    expect(match.allowedMethods).toEqual(['POST']);
  });

  it('compares methods case-sensitively, as API Gateway sends them', () => {
    const match = matchRoute('get', `${API_BASE_PATH}/agents`);

    expect(match.route).toBeUndefined();
    expect([...match.allowedMethods].sort()).toEqual(['GET', 'POST']);
  });

  it.each([
    '/',
    '/api/v1',
    '/api/v2/agents',
    `${API_BASE_PATH}/agent`,
    `${API_BASE_PATH}/agents/${AGENT_ID}/unknown`,
    `${API_BASE_PATH}/usage/extra`,
    `/prefix${API_BASE_PATH}/agents`,
    `${API_BASE_PATH}/agents//spend`,
  ])('matches nothing on the unknown path %s', (path) => {
    const match = matchRoute('GET', path);

    expect(match.route).toBeUndefined();
    expect(match.allowedMethods).toEqual([]);
  });

  it('does not let an id with a slash reach another route', () => {
    const match = matchRoute('GET', `${API_BASE_PATH}/agents/${AGENT_ID}/extra/spend`);

    expect(match.route).toBeUndefined();
    expect(match.allowedMethods).toEqual([]);
  });

  it.each(['..', '.'])('does not take the dot segment %s as an agent id', (segment) => {
    const paths = [
      `${API_BASE_PATH}/agents/${segment}`,
      `${API_BASE_PATH}/agents/${segment}/spend`,
    ];

    const matches = paths.map((path) => matchRoute('GET', path));

    for (const match of matches) {
      expect(match.route).toBeUndefined();
      expect(match.pathParameters).toEqual({});
    }
  });
});

describe('matchRoute properties', () => {
  const segment = fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !text.includes('/'));

  it('gives back any segment of id characters as the id parameter', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);

    fc.assert(
      fc.property(id, (agentId) => {
        const match = matchRoute('GET', `${API_BASE_PATH}/agents/${agentId}/spend`);

        expect(match.pathParameters).toEqual({ id: agentId });
      }),
    );
  });

  it('matches no route when the id segment holds any other character', () => {
    const id = segment.filter((text) => /[^A-Za-z0-9_-]/.test(text));

    fc.assert(
      fc.property(id, (agentId) => {
        const match = matchRoute('GET', `${API_BASE_PATH}/agents/${agentId}/spend`);

        expect(match.route).toBeUndefined();
      }),
    );
  });

  it('never gives an id parameter that holds a slash', () => {
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    const method = fc.constantFrom('GET', 'POST', 'PATCH', 'PUT');

    fc.assert(
      fc.property(method, path, (verb, rest) => {
        const match = matchRoute(verb, `${API_BASE_PATH}/agents/${rest}`);

        expect(match.pathParameters.id ?? '').not.toContain('/');
      }),
    );
  });
});
