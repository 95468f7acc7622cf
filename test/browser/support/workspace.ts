import { expect } from 'vitest';
import { type ApiResponse, api, seedTestWorkspace } from '../../support/fixtures.js';
import { registeredKey } from './keys.js';

/** A fresh workspace with every role: fresh, so each test has its own validation budget. */
export async function freshWorkspace(agents = 1) {
  const workspace = await seedTestWorkspace({ agents });
  return { ...workspace, agentId: workspace.agentIds[0]! };
}

/** A fresh workspace whose agent already runs on a key the emulator accepts, set through the API. */
export async function byoWorkspace(apiUrl: string, llmModel = 'claude-opus-4-7') {
  const workspace = await freshWorkspace();
  const apiKey = await registeredKey();
  const body = { llmProvider: 'BYO_ANTHROPIC', llmModel, byoApiKey: apiKey };
  const response = await agentsApi(apiUrl).patch(workspace.tokens.OWNER, workspace.agentId, body);
  expect(response.status).toBe(200);
  return { ...workspace, apiKey };
}

/** The agents API of the local stack, called directly, as the test's second client. */
export function agentsApi(apiUrl: string) {
  const agentUrl = (agentId: string) => `${apiUrl}/agents/${agentId}`;
  return {
    get: (token: string, agentId: string): Promise<ApiResponse> => api(agentUrl(agentId), token),
    patch: (token: string, agentId: string, body: Record<string, unknown>) =>
      api(agentUrl(agentId), token, { method: 'PATCH', body }),
  };
}
