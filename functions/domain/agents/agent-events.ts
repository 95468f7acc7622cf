import { newId } from '../../shared/ids.js';
import { AUDIT_EVENT_TYPE, type AuditActor, type AuditEvent } from '../audit/audit-event.js';
import type { Agent } from './agent.js';
import { agentChanges } from './changes.js';

/** The AGENT_UPDATED event of a change from `before` to `after`. */
export function updatedEvent(
  before: Agent,
  after: Agent,
  actor: AuditActor,
  requestId: string,
): AuditEvent {
  return {
    id: newId('evt'),
    type: AUDIT_EVENT_TYPE.agentUpdated,
    workspaceId: after.workspaceId,
    agentId: after.id,
    at: after.updatedAt,
    actor,
    requestId,
    changes: agentChanges(before, after),
  };
}

/** The AGENT_CREATED event, with the settings the agent starts with. */
export function createdEvent(agent: Agent, actor: AuditActor, requestId: string): AuditEvent {
  return {
    id: newId('evt'),
    type: AUDIT_EVENT_TYPE.agentCreated,
    workspaceId: agent.workspaceId,
    agentId: agent.id,
    at: agent.createdAt,
    actor,
    requestId,
    details: {
      name: agent.name,
      llmProvider: agent.llmProvider,
      llmModel: agent.llmModel,
      dailySpendCapCents: agent.dailySpendCapCents,
    },
  };
}
