import { type ApiResponse, api } from '../../../support/fixtures.js';

/** Settings a PATCH may send, loosely typed so tests can send what clients should not. */
export type AgentPatchBody = Record<string, unknown>;

/** The agent routes of one local API, as a client of the product page calls them. */
export function agentsApi(baseUrl: string) {
  const agentUrl = (agentId: string) => `${baseUrl}/agents/${agentId}`;

  return {
    list: (token: string) => api(`${baseUrl}/agents`, token),

    create: (token: string, body: AgentPatchBody) =>
      api(`${baseUrl}/agents`, token, { method: 'POST', body }),

    get: (token: string, agentId: string) => api(agentUrl(agentId), token),

    patch: (
      token: string,
      agentId: string,
      body: AgentPatchBody,
      headers: Record<string, string> = {},
    ) => api(agentUrl(agentId), token, { method: 'PATCH', body, headers }),

    auditPage: (token: string, agentId: string, query = '') =>
      api(`${agentUrl(agentId)}/audit-events${query}`, token),

    /** Every audit event of the agent, newest first, following the cursors. */
    async auditEvents(token: string, agentId: string) {
      const events: AuditEventBody[] = [];
      let cursor: string | undefined;
      do {
        const query = `?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: ApiResponse = await api(`${agentUrl(agentId)}/audit-events${query}`, token);
        if (page.status !== 200) throw new Error(`audit page answered ${page.status}`);
        events.push(...page.body.events);
        cursor = page.body.nextCursor;
      } while (cursor);
      return events;
    },
  };
}

export type AgentsApi = ReturnType<typeof agentsApi>;

/** An audit event as the API shows it. */
export interface AuditEventBody {
  readonly id: string;
  readonly type: string;
  readonly at: string;
  readonly actor: Record<string, unknown>;
  readonly requestId?: string;
  readonly changes?: Record<string, { from: unknown; to: unknown }>;
  readonly details?: Record<string, unknown>;
}

/** The body a product page sends to put an agent on a customer's key. */
export const byoPatch = (apiKey: string, llmModel = 'claude-opus-4-7') => ({
  llmProvider: 'BYO_ANTHROPIC',
  llmModel,
  byoApiKey: apiKey,
});

/** Every header of a response as `name: value` lines, to search them for secrets. */
export const headerText = (response: ApiResponse) =>
  [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');

/** The response's body and headers as one searchable text. */
export function responseText(response: ApiResponse): string {
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  return `${headerText(response)}\n${body}`;
}
