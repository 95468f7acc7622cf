import { ApiClient } from './api.js';

/**
 * The API token lives in this tab's sessionStorage and nowhere else: it is
 * gone when the tab closes or the user signs out, and no cookie carries it.
 */
const TOKEN_KEY = 'mt.apiToken';

/** A signed-in user: the API on their token, and whether they may change settings. */
export interface Session {
  readonly api: ApiClient;
  /** True for OWNER and ADMIN. */
  readonly canManage: boolean;
}

export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/**
 * Checks a token against the API and learns what it may do. Throws the
 * ApiError of a refused token (`unauthorized`), storing nothing.
 */
export async function openSession(token: string): Promise<Session> {
  const api = new ApiClient(token);
  const [, canManage] = await Promise.all([api.listAgents(), api.canManage()]);
  sessionStorage.setItem(TOKEN_KEY, token);
  return { api, canManage };
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
