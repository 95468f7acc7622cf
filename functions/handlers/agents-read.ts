import { agentRepository } from '../adapters/dynamodb/agent-repository.js';
import { auditLog } from '../adapters/dynamodb/audit-log.js';
import { spendLedger } from '../adapters/dynamodb/spend-ledger.js';
import { tokenLookup } from '../adapters/dynamodb/token-lookup.js';
import { authenticate } from '../auth/authenticate.js';
import { createApiHandler } from '../http/api-handler.js';
import { getAgentRoute, listAgentsRoute, listAuditEventsRoute } from '../routes/agent-routes.js';
import { agentSpendRoute, workspaceUsageRoute } from '../routes/spend-routes.js';
import { systemNow } from '../shared/clock.js';

const spendDeps = { agents: agentRepository, ledger: spendLedger, now: systemNow };

/** Reads agents, their audit log and their spend. It can change nothing. */
export const handler = createApiHandler(
  'agents-read',
  {
    'GET /api/v1/agents': (request) => listAgentsRoute(request, agentRepository),
    'GET /api/v1/agents/{id}': (request) => getAgentRoute(request, agentRepository),
    'GET /api/v1/agents/{id}/audit-events': (request) =>
      listAuditEventsRoute(request, { agents: agentRepository, audit: auditLog }),
    'GET /api/v1/agents/{id}/spend': (request) => agentSpendRoute(request, spendDeps),
    'GET /api/v1/usage': (request) => workspaceUsageRoute(request, spendDeps),
  },
  (authorization) => authenticate(authorization, tokenLookup),
);
