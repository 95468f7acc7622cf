import { hasRole, MANAGER_ROLES, type Principal } from '../auth/principal.js';
import type { Agent } from '../domain/agents/agent.js';
import { type HttpResult, jsonResult } from '../http/envelope.js';
import { etagOf } from '../http/etag.js';

/**
 * An agent as the API shows it to this caller. Key fields appear only for a
 * BYO agent, and the secret id only to those who may change the key.
 */
export function agentView(agent: Agent, principal: Principal) {
  const key = agent.byoKey;
  const keyFields = key
    ? {
        byoKeyHint: key.hint,
        byoKeyValidatedAt: key.validatedAt,
        byoKeyStatus: key.status,
        ...(hasRole(principal, MANAGER_ROLES) ? { byoKeySecretId: key.secretId } : {}),
      }
    : {};
  return {
    id: agent.id,
    name: agent.name,
    llmProvider: agent.llmProvider,
    llmModel: agent.llmModel,
    dailySpendCapCents: agent.dailySpendCapCents,
    promptCacheTtl: agent.promptCacheTtl,
    ...keyFields,
    version: agent.version,
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
  };
}

/** An agent answer with its ETag, so a client can send it back as If-Match. */
export function agentResult(
  statusCode: number,
  agent: Agent,
  principal: Principal,
  headers: Record<string, string> = {},
): HttpResult {
  return jsonResult(statusCode, agentView(agent, principal), {
    etag: etagOf(agent.version),
    ...headers,
  });
}
