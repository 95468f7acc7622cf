import type { AuditActor, AuditEvent } from '../../../functions/domain/audit/audit-event.js';
import { formatTable } from '../table.js';

const actorOf = (actor: AuditActor) =>
  actor.kind === 'user' ? `${actor.userId} (${actor.role})` : `system:${actor.component}`;

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** What the event changed or says: `field: from -> to` pairs, or its details. */
function summaryOf(event: AuditEvent): string {
  if (event.changes) {
    return Object.entries(event.changes)
      .map(([field, change]) => `${field}: ${shown(change.from)} -> ${shown(change.to)}`)
      .join('; ');
  }
  if (event.details) {
    return Object.entries(event.details)
      .map(([field, value]) => `${field}=${shown(value)}`)
      .join(' ');
  }
  return '';
}

/** Audit events as a table, in the order given (newest first from the store). */
export function auditLines(events: readonly AuditEvent[]): string[] {
  if (events.length === 0) return ['  (no events)'];
  const lines = formatTable(
    [
      { header: 'AT', value: (event: AuditEvent) => event.at },
      { header: 'TYPE', value: (event) => event.type },
      { header: 'ACTOR', value: (event) => actorOf(event.actor) },
      { header: 'REQUEST', value: (event) => event.requestId },
      { header: 'WHAT', value: summaryOf },
    ],
    events,
  );
  return lines.map((line) => `  ${line}`);
}
