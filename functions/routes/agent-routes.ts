import { requireRole } from '../auth/authenticate.js';
import { MANAGER_ROLES } from '../auth/principal.js';
import { loadAgent } from '../domain/agents/agent-access.js';
import { type CreateAgentDeps, createAgent } from '../domain/agents/create-agent.js';
import type { AgentRepository, AuditLog } from '../domain/agents/ports.js';
import { updateAgent } from '../domain/agents/update-agent.js';
import type { UpdateAgentDeps } from '../domain/agents/update-types.js';
import type { ApiRequest } from '../http/api-handler.js';
import { jsonResult } from '../http/envelope.js';
import { versionFromIfMatch } from '../http/etag.js';
import { parseInput } from '../http/parse.js';
import { createAgentBody, updateAgentBody } from '../http/schemas/agent-bodies.js';
import { auditPageQuery } from '../http/schemas/audit-query.js';
import { agentResult, agentView } from './agent-view.js';
import { auditEventView } from './audit-view.js';

const agentId = (request: ApiRequest) => request.pathParameters.id ?? '';

/** `GET /agents`: the caller's workspace's agents, oldest first. */
export async function listAgentsRoute(request: ApiRequest, agents: AgentRepository) {
  const list = await agents.list(request.principal.workspaceId);
  const sorted = list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return jsonResult(200, { agents: sorted.map((agent) => agentView(agent, request.principal)) });
}

/** `GET /agents/{id}`. */
export async function getAgentRoute(request: ApiRequest, agents: AgentRepository) {
  const agent = await loadAgent(agents, request.principal.workspaceId, agentId(request));
  return agentResult(200, agent, request.principal);
}

/** `POST /agents`: 201 with the new agent and its location. */
export async function createAgentRoute(request: ApiRequest, deps: CreateAgentDeps) {
  const input = parseInput(createAgentBody, request.body);
  const agent = await createAgent(deps, request.principal, input, request.requestId);
  return agentResult(201, agent, request.principal, { location: `/api/v1/agents/${agent.id}` });
}

/** `PATCH /agents/{id}`: the agent as stored after the change; never the key. */
export async function updateAgentRoute(request: ApiRequest, deps: UpdateAgentDeps) {
  const patch = parseInput(updateAgentBody, request.body);
  const agent = await updateAgent(deps, {
    principal: request.principal,
    agentId: agentId(request),
    patch,
    expectedVersion: versionFromIfMatch(request.headers['if-match']),
    requestId: request.requestId,
  });
  return agentResult(200, agent, request.principal);
}

/** `GET /agents/{id}/audit-events`: newest first, a page at a time (OWNER, ADMIN). */
export async function listAuditEventsRoute(
  request: ApiRequest,
  deps: { agents: AgentRepository; audit: AuditLog },
) {
  requireRole(request.principal, MANAGER_ROLES, 'read the audit log');
  const query = parseInput(auditPageQuery, request.query);
  const agent = await loadAgent(deps.agents, request.principal.workspaceId, agentId(request));

  const page = await deps.audit.page(agent.id, { limit: query.limit, cursor: query.cursor });
  return jsonResult(200, {
    events: page.events.map(auditEventView),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  });
}
