import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditLog } from '../../domain/agents/ports.js';
import { ValidationError } from '../../shared/errors.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws } from '../aws-failure.js';
import { auditPartitionKey, auditPut, fromAuditItem } from './audit-item.js';
import { tableNames } from './tables.js';

const CURSOR_PATTERN = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[a-z]{2,3}_[0-9a-z]{20}$/;

/** The cursor is the last event's sort key; the agent it belongs to comes from the route. */
function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(String(lastKey.sk)).toString('base64url') : undefined;
}

function decodeCursor(cursor: string): string {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!CURSOR_PATTERN.test(sortKey)) {
    throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor this API returned' }]);
  }
  return sortKey;
}

/** The audit table: events are put once and never changed. A page reads exactly `limit` items. */
export const auditLog: AuditLog = {
  async append(event) {
    await callAws('write audit event', () => dynamoDb.send(new PutCommand(auditPut(event))));
  },

  async page(agentId, { limit, cursor }) {
    const pk = auditPartitionKey(agentId);
    const result = await callAws('list audit events', () =>
      dynamoDb.send(
        new QueryCommand({
          TableName: tableNames.audit,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor ? { pk, sk: decodeCursor(cursor) } : undefined,
        }),
      ),
    );
    const events = (result.Items ?? []).map(fromAuditItem);
    return { events, nextCursor: encodeCursor(result.LastEvaluatedKey) };
  },
};
