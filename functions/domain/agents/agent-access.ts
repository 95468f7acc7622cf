import type { Principal } from '../../auth/principal.js';
import { ServiceError } from '../../shared/errors.js';
import { ID_PATTERN } from '../../shared/ids.js';
import type { AuditActor } from '../audit/audit-event.js';
import type { Agent } from './agent.js';
import type { AgentRepository } from './ports.js';

/** Reads an agent of the caller's workspace; another workspace's agent is simply not found. */
export async function loadAgent(
  agents: AgentRepository,
  workspaceId: string,
  agentId: string,
): Promise<Agent> {
  // An id this service never issues cannot name an agent, and storage would
  // refuse an oversized one as a key: answer both without asking it.
  if (!ID_PATTERN.test(agentId)) throw new ServiceError('not_found', 'No agent with this id');
  const agent = await agents.get({ workspaceId, agentId });
  if (!agent) throw new ServiceError('not_found', 'No agent with this id');
  return agent;
}

/** Enforces `If-Match`: 412 when the agent is no longer at the version the client read. */
export function checkExpectedVersion(agent: Agent, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== agent.version) {
    throw new ServiceError('precondition_failed', 'The agent changed since you read it', {
      details: { currentVersion: agent.version },
    });
  }
}

export const userActor = (principal: Principal): AuditActor => ({
  kind: 'user',
  userId: principal.userId,
  role: principal.role,
});
