import type { Agent, AgentPatch, AuditPage, DaySpend } from './types.js';

const API_BASE = '/api/v1';

/**
 * A failed API call: the API's stable `code` and the details it sent, such as
 * `fields` or `allowedModels`. `network_error` when no answer arrived.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;
  /** From `Retry-After`, when the API said how long to wait. */
  readonly retryAfterSeconds?: number;

  constructor(status: number, body: Record<string, unknown>, retryAfter: string | null) {
    const { code, message, ...details } = body;
    super(typeof message === 'string' ? message : 'The request failed');
    this.name = 'ApiError';
    this.code = typeof code === 'string' ? code : 'unknown_error';
    this.status = status;
    this.details = details;
    const seconds = Number(retryAfter);
    if (retryAfter && Number.isFinite(seconds)) this.retryAfterSeconds = seconds;
  }
}

/** An agent and the ETag to send back as `If-Match` with a change. */
export interface VersionedAgent {
  readonly agent: Agent;
  readonly etag: string;
}

interface RequestOptions {
  readonly method?: 'GET' | 'PATCH';
  readonly body?: unknown;
  readonly ifMatch?: string;
}

/**
 * The API as this page uses it, on the page's own origin. Nothing here logs:
 * a request body may hold an Anthropic key, and headers hold the token.
 */
export class ApiClient {
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  async listAgents(): Promise<Agent[]> {
    const { body } = await this.#request<{ agents: Agent[] }>('/agents');
    return body.agents;
  }

  async getAgent(agentId: string): Promise<VersionedAgent> {
    const { body, etag } = await this.#request<Agent>(`/agents/${encodeURIComponent(agentId)}`);
    return { agent: body, etag: etag ?? `"${body.version}"` };
  }

  async updateAgent(agentId: string, patch: AgentPatch, etag: string): Promise<VersionedAgent> {
    const path = `/agents/${encodeURIComponent(agentId)}`;
    const { body, etag: next } = await this.#request<Agent>(path, {
      method: 'PATCH',
      body: patch,
      ifMatch: etag,
    });
    return { agent: body, etag: next ?? `"${body.version}"` };
  }

  async daySpend(agentId: string): Promise<DaySpend> {
    const { body } = await this.#request<DaySpend>(`/agents/${encodeURIComponent(agentId)}/spend`);
    return body;
  }

  async auditEvents(agentId: string, cursor?: string): Promise<AuditPage> {
    const query = new URLSearchParams({ limit: '20', ...(cursor ? { cursor } : {}) });
    const path = `/agents/${encodeURIComponent(agentId)}/audit-events?${query}`;
    return (await this.#request<AuditPage>(path)).body;
  }

  /**
   * Whether this token may change settings. The API does not name the
   * caller's role, but only OWNER and ADMIN may read workspace usage.
   */
  async canManage(): Promise<boolean> {
    try {
      await this.#request('/usage');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'forbidden') return false;
      throw error;
    }
  }

  async #request<T>(path: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.#token}`,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch) headers['if-match'] = options.ifMatch;

    const response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      credentials: 'omit',
    }).catch(() => {
      throw new ApiError(0, { code: 'network_error', message: 'No answer from the API' }, null);
    });
    return { body: (await readBody(response)) as T, etag: response.headers.get('etag') };
  }
}

/** The JSON body of a success, or the API's error envelope thrown as an ApiError. */
async function readBody(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => ({}));
  if (response.ok) return body;

  const envelope = (body as { error?: Record<string, unknown> }).error;
  const fallback = { code: response.status >= 500 ? 'internal_error' : 'unknown_error' };
  throw new ApiError(response.status, envelope ?? fallback, response.headers.get('retry-after'));
}
