import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event.js';
import type { AgentDay, SpendDayStore } from '../../domain/jobs/ports.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws, dependencyFailure } from '../aws-failure.js';
import { auditPut } from './audit-item.js';
import {
  agentDayOfKey,
  cappedAgentDayOf,
  DAY_INDEXES,
  heldReservationsOf,
} from './cap-reset-day-items.js';
import { releaseReservation } from './reservation-release.js';
import { dayKey } from './spend-items.js';
import { cancellationReasons, tableNames } from './tables.js';

type DayIndex = (typeof DAY_INDEXES)[keyof typeof DAY_INDEXES];

/** Every agent day a sparse day index holds for `day`, all pages. */
async function queryDayIndex(index: DayIndex, day: string): Promise<AgentDay[]> {
  const agentDays: AgentDay[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await callAws(`query ${index.indexName}`, () =>
      dynamoDb.send(
        new QueryCommand({
          TableName: tableNames.counters,
          IndexName: index.indexName,
          KeyConditionExpression: '#day = :day',
          ExpressionAttributeNames: { '#day': index.attribute },
          ExpressionAttributeValues: { ':day': day },
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    for (const key of page.Items ?? []) {
      const agentDay = agentDayOfKey(key);
      if (agentDay?.day === day) agentDays.push(agentDay);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return agentDays;
}

/** The whole day item, read strongly consistent: the index is keys-only and may lag. */
async function readDayItem({ agentId, day }: AgentDay) {
  const { Item } = await callAws('read day item', () =>
    dynamoDb.send(
      new GetCommand({
        TableName: tableNames.counters,
        Key: dayKey(agentId, day),
        ConsistentRead: true,
      }),
    ),
  );
  return Item;
}

/**
 * Writes the reset mark and its audit event in one transaction, conditional
 * on the mark being absent, so the event exists exactly once. The event id is
 * the request token, so an SDK retry of a transaction that did commit succeeds.
 */
async function recordCapReset(agentDay: AgentDay, event: AuditEvent): Promise<boolean> {
  const mark = {
    TableName: tableNames.counters,
    Key: dayKey(agentDay.agentId, agentDay.day),
    UpdateExpression: 'SET capResetAt = :at',
    ConditionExpression: 'cappedDay = :day AND attribute_not_exists(capResetAt)',
    ExpressionAttributeValues: { ':at': event.at, ':day': agentDay.day },
  };
  try {
    await dynamoDb.send(
      new TransactWriteCommand({
        ClientRequestToken: event.id,
        TransactItems: [{ Update: mark }, { Put: auditPut(event) }],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationReasons(error)[0] === 'ConditionalCheckFailed') return false;
    throw dependencyFailure('record cap reset', error);
  }
}

/**
 * The counters table's day items, as the daily job reads and writes them.
 * Day items expire through TTL after 400 days; moto's TTL never deletes, which
 * changes nothing here since every read names its day.
 */
export const capResetStore: SpendDayStore = {
  cappedAgents: (day) => queryDayIndex(DAY_INDEXES.capped, day),
  activeAgents: (day) => queryDayIndex(DAY_INDEXES.active, day),

  async readCap(agentDay) {
    const item = await readDayItem(agentDay);
    return item ? cappedAgentDayOf(item, agentDay) : undefined;
  },

  async readReservations(agentDay) {
    const item = await readDayItem(agentDay);
    return item ? heldReservationsOf(item, agentDay) : [];
  },

  recordCapReset,
  releaseReservation,
};
