import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ReserveOutcome, Settlement, SpendLedger } from '../../domain/spend/ports.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws, dependencyFailure } from '../aws-failure.js';
import { releaseReservation } from './reservation-release.js';
import {
  DAY_ITEM_TTL_SECONDS,
  dayKey,
  dayTotalsOf,
  monthKey,
  monthTotalsOf,
  reservationAttribute,
} from './spend-items.js';
import { settleCommand } from './spend-settle.js';
import { cancellationReasons, isConditionFailure, tableNames } from './tables.js';

function reserveCommand(input: Parameters<SpendLedger['reserve']>[0]) {
  return new UpdateCommand({
    TableName: tableNames.counters,
    Key: dayKey(input.agentId, input.day),
    UpdateExpression:
      'SET #rsv = :rsv, agentId = :agentId, workspaceId = :ws, activeDay = :day, expiresAt = if_not_exists(expiresAt, :exp) ADD committedMicroCents :amount, reservedMicroCents :amount',
    // committed = settled + reserved, so one comparison enforces the cap.
    ConditionExpression:
      'attribute_not_exists(committedMicroCents) OR committedMicroCents <= :room',
    ExpressionAttributeNames: { '#rsv': reservationAttribute(input.callId) },
    ExpressionAttributeValues: {
      ':rsv': { microCents: input.microCents, atMs: input.nowMs },
      ':agentId': input.agentId,
      ':ws': input.workspaceId,
      ':day': input.day,
      ':exp': Math.floor(input.nowMs / 1000) + DAY_ITEM_TTL_SECONDS,
      ':amount': input.microCents,
      ':room': input.capMicroCents - input.microCents,
    },
    ReturnValues: 'ALL_NEW',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
}

function refusalOf(error: unknown): ReserveOutcome {
  const raw = (error as { Item?: Record<string, never> }).Item;
  const totals = dayTotalsOf(raw ? unmarshall(raw) : undefined);
  return {
    kind: 'refused',
    spentMicroCents: totals.spentMicroCents,
    reservedMicroCents: totals.reservedMicroCents,
  };
}

/** The counters table as the spend ledger; see docs/spend-caps.md for the guarantee. */
export const spendLedger: SpendLedger = {
  async reserve(input) {
    if (input.microCents > input.capMicroCents) {
      // The call alone would pass the cap: refuse without writing anything.
      const totals = await spendLedger.dayTotals(input.agentId, input.day);
      return { kind: 'refused', ...totals };
    }
    try {
      const { Attributes } = await dynamoDb.send(reserveCommand(input));
      return { kind: 'reserved', spentMicroCents: dayTotalsOf(Attributes).spentMicroCents };
    } catch (error) {
      if (isConditionFailure(error)) return refusalOf(error);
      throw dependencyFailure('reserve spend', error);
    }
  },

  async settle(settlement: Settlement) {
    try {
      await dynamoDb.send(settleCommand(settlement, true));
    } catch (error) {
      if (!cancellationReasons(error).includes('ConditionalCheckFailed')) {
        throw dependencyFailure('settle spend', error);
      }
      // The reservation is gone (released as stale by the daily job): count the
      // cost without it, so that the money is neither lost nor counted twice.
      await callAws('settle spend', () => dynamoDb.send(settleCommand(settlement, false)));
    }
  },

  async release(reservation) {
    await releaseReservation(reservation);
  },

  async markCapped(agentId, workspaceId, day, nowMs) {
    try {
      await dynamoDb.send(
        new UpdateCommand({
          TableName: tableNames.counters,
          Key: dayKey(agentId, day),
          // Owner ids too: a call refused outright may be the day item's first write.
          UpdateExpression:
            'SET cappedDay = :day, capReachedAtMs = :nowMs, agentId = :agentId, workspaceId = :ws, expiresAt = if_not_exists(expiresAt, :exp)',
          ConditionExpression: 'attribute_not_exists(cappedDay)',
          ExpressionAttributeValues: {
            ':exp': Math.floor(nowMs / 1000) + DAY_ITEM_TTL_SECONDS,
            ':day': day,
            ':nowMs': nowMs,
            ':agentId': agentId,
            ':ws': workspaceId,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw dependencyFailure('mark capped', error);
    }
  },

  async dayTotals(agentId, day) {
    const { Item } = await callAws('read spend', () =>
      dynamoDb.send(
        new GetCommand({
          TableName: tableNames.counters,
          Key: dayKey(agentId, day),
          ConsistentRead: true,
        }),
      ),
    );
    return dayTotalsOf(Item);
  },

  async monthTotals(workspaceId, month) {
    const { Item } = await callAws('read usage', () =>
      dynamoDb.send(
        new GetCommand({ TableName: tableNames.counters, Key: monthKey(workspaceId, month) }),
      ),
    );
    return monthTotalsOf(Item);
  },
};
