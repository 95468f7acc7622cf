import type { AuditEvent } from '../../domain/audit/audit-event.js';
import { tableNames } from './tables.js';

/** Sort key of an event: time first, so a descending query lists newest first. */
export const auditSortKey = (event: Pick<AuditEvent, 'at' | 'id'>) => `${event.at}#${event.id}`;

export const auditPartitionKey = (agentId: string) => `AGENT#${agentId}`;

/** A Put of the event that can never overwrite another: events are append-only. */
export function auditPut(event: AuditEvent) {
  return {
    TableName: tableNames.audit,
    Item: { pk: auditPartitionKey(event.agentId), sk: auditSortKey(event), ...event },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export function fromAuditItem(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, ...event } = item;
  return event as unknown as AuditEvent;
}
