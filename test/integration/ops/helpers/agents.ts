import { api } from '../../../support/fixtures.js';

/** Puts an agent on a customer key through the API, as a product page would; throws on refusal. */
export async function setByoKey(url: string, token: string, agentId: string, apiKey: string) {
  const response = await api(`${url}/agents/${agentId}`, token, {
    method: 'PATCH',
    body: { llmProvider: 'BYO_ANTHROPIC', llmModel: 'claude-opus-4-7', byoApiKey: apiKey },
  });
  if (response.status !== 200) {
    throw new Error(`setting a key answered ${response.status} ${response.body?.error?.code}`);
  }
  return response.body;
}

/** Changes an agent's settings through the API; throws on refusal. */
export async function patchAgent(
  url: string,
  token: string,
  agentId: string,
  body: Record<string, unknown>,
) {
  const response = await api(`${url}/agents/${agentId}`, token, { method: 'PATCH', body });
  if (response.status !== 200) {
    throw new Error(`PATCH answered ${response.status} ${response.body?.error?.code}`);
  }
  return response.body;
}

/** One small agent call through the API. */
export const callAgent = (url: string, token: string, agentId: string) =>
  api(`${url}/agents/${agentId}/messages`, token, {
    method: 'POST',
    body: { max_tokens: 16, messages: [{ role: 'user', content: 'Plan my day' }] },
  });
