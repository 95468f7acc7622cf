import { hashApiToken } from '../../functions/auth/api-token.js';
import type { Role } from '../../functions/auth/principal.js';
import type { ServiceSettings } from '../../lib/definitions/settings.js';

/**
 * Items of the Agents table, shaped exactly as docs/data-model.md describes
 * them. Seeding writes through the same table as the functions, so a drift
 * between these shapes and the functions' reads shows up as a failing test.
 */
export type AgentsTableItem = Record<string, unknown> & { pk: string; sk: string };

export function workspaceItem(id: string, name: string, createdAt: string): AgentsTableItem {
  return { pk: `WS#${id}`, sk: 'WORKSPACE', id, name, createdAt };
}

export function membershipItem(workspaceId: string, userId: string, role: Role): AgentsTableItem {
  return { pk: `WS#${workspaceId}`, sk: `MEMBER#${userId}`, userId, role };
}

/** A token is stored only as its hash; the item carries the role so one read authorises. */
export function tokenItem(
  token: string,
  holder: { workspaceId: string; userId: string; role: Role },
  createdAt: string,
): AgentsTableItem {
  return { pk: `TOKEN#${hashApiToken(token)}`, sk: 'TOKEN', ...holder, createdAt };
}

/** A hosted agent with the service's defaults: first hosted model, default cap. */
export function hostedAgentItem(
  agent: { id: string; workspaceId: string; name: string },
  settings: ServiceSettings,
  createdAt: string,
): AgentsTableItem {
  return {
    pk: `WS#${agent.workspaceId}`,
    sk: `AGENT#${agent.id}`,
    ...agent,
    llmProvider: 'HOSTED_ANTHROPIC',
    llmModel: settings.hostedModels[0],
    dailySpendCapCents: settings.defaultDailySpendCapCents,
    promptCacheTtl: '5m',
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
}
