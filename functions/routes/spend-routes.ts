import { requireRole } from '../auth/authenticate.js';
import { MANAGER_ROLES } from '../auth/principal.js';
import { loadAgent } from '../domain/agents/agent-access.js';
import type { AgentRepository } from '../domain/agents/ports.js';
import type { SpendLedger } from '../domain/spend/ports.js';
import { daySpendReport, monthUsageReport } from '../domain/spend/spend-report.js';
import { utcDay, utcMonth } from '../domain/spend/utc-day.js';
import type { ApiRequest } from '../http/api-handler.js';
import { jsonResult } from '../http/envelope.js';
import { parseInput } from '../http/parse.js';
import { spendQuery, usageQuery } from '../http/schemas/spend-query.js';

export interface SpendRouteDeps {
  readonly agents: AgentRepository;
  readonly ledger: SpendLedger;
  readonly now: () => Date;
}

/** `GET /agents/{id}/spend?day=`: any member of the workspace may see what an agent spends. */
export async function agentSpendRoute(request: ApiRequest, deps: SpendRouteDeps) {
  const query = parseInput(spendQuery, request.query);
  const agent = await loadAgent(
    deps.agents,
    request.principal.workspaceId,
    request.pathParameters.id ?? '',
  );

  const day = query.day ?? utcDay(deps.now());
  const totals = await deps.ledger.dayTotals(agent.id, day);
  return jsonResult(200, daySpendReport(day, agent.dailySpendCapCents, totals));
}

/** `GET /usage?month=`: the workspace's month, hosted and BYO apart (OWNER, ADMIN). */
export async function workspaceUsageRoute(request: ApiRequest, deps: SpendRouteDeps) {
  requireRole(request.principal, MANAGER_ROLES, 'read workspace usage');
  const query = parseInput(usageQuery, request.query);

  const month = query.month ?? utcMonth(deps.now());
  const totals = await deps.ledger.monthTotals(request.principal.workspaceId, month);
  return jsonResult(200, monthUsageReport(month, totals));
}
