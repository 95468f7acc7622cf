import type { AuditEvent } from '../domain/audit/audit-event.js';

/** An audit event as the API shows it; keys only ever appear as hints in it. */
export function auditEventView(event: AuditEvent) {
  return {
    id: event.id,
    type: event.type,
    at: event.at,
    actor: event.actor,
    ...(event.requestId ? { requestId: event.requestId } : {}),
    ...(event.changes ? { changes: event.changes } : {}),
    ...(event.details ? { details: event.details } : {}),
  };
}
