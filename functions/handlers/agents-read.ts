import { agentRepository } from '../adapters/dynamodb/agent-repository.js';
import { auditLog } from '../adapters/dynamodb/audit-log.js';
import { tokenLookup } from '../adapters/dynamodb/token-lookup.js';
import { authenticate } from '../auth/authenticate.js';
import { createApiHandler } from '../http/api-handler.js';
import { getAgentRoute, listAgentsRoute, listAuditEventsRoute } from '../routes/agent-routes.js';
import { notImplementedRoute } from '../routes/not-implemented.js';

/** Reads agents, their audit log and their spend. It can change nothing. */
export const handler = createApiHandler(
  'agents-read',
  {
    'GET /api/v1/agents': (request) => listAgentsRoute(request, agentRepository),
    'GET /api/v1/agents/{id}': (request) => getAgentRoute(request, agentRepository),
    'GET /api/v1/agents/{id}/audit-events': (request) =>
      listAuditEventsRoute(request, { agents: agentRepository, audit: auditLog }),
    'GET /api/v1/agents/{id}/spend': notImplementedRoute,
    'GET /api/v1/usage': notImplementedRoute,
  },
  (authorization) => authenticate(authorization, tokenLookup),
);
