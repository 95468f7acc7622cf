import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Settlement } from '../../domain/spend/ports.js';
import { dayKey, monthKey, reservationAttribute, tokenAdditions } from './spend-items.js';
import { tableNames } from './tables.js';

function daySettle(settlement: Settlement, withReservation: boolean) {
  const { reservation, costMicroCents } = settlement;
  const tokens = tokenAdditions(settlement.tokens);
  const common = {
    TableName: tableNames.counters,
    Key: dayKey(reservation.agentId, reservation.day),
  };
  if (!withReservation) {
    return {
      ...common,
      UpdateExpression: `ADD spentMicroCents :cost, committedMicroCents :cost, calls :one, ${tokens.clause}`,
      ExpressionAttributeValues: { ':cost': costMicroCents, ':one': 1, ...tokens.values },
    };
  }
  return {
    ...common,
    UpdateExpression: `REMOVE #rsv ADD spentMicroCents :cost, committedMicroCents :delta, reservedMicroCents :minus, calls :one, ${tokens.clause}`,
    ConditionExpression: 'attribute_exists(#rsv)',
    ExpressionAttributeNames: { '#rsv': reservationAttribute(reservation.callId) },
    ExpressionAttributeValues: {
      ':cost': costMicroCents,
      ':delta': costMicroCents - reservation.microCents,
      ':minus': -reservation.microCents,
      ':one': 1,
      ...tokens.values,
    },
  };
}

function monthSettle(settlement: Settlement) {
  const side = settlement.source;
  const tokens = tokenAdditions(settlement.tokens, `${side}_`);
  return {
    TableName: tableNames.counters,
    Key: monthKey(settlement.workspaceId, settlement.month),
    UpdateExpression: `ADD ${side}SpentMicroCents :cost, ${side}Calls :one, ${tokens.clause}`,
    ExpressionAttributeValues: { ':cost': settlement.costMicroCents, ':one': 1, ...tokens.values },
  };
}

/**
 * One transaction for the agent's day and the workspace's month, so the two
 * never disagree. The request token makes the SDK's retries of it idempotent.
 */
export function settleCommand(settlement: Settlement, withReservation: boolean) {
  const suffix = withReservation ? 'r' : 'l';
  return new TransactWriteCommand({
    ClientRequestToken: `${settlement.reservation.callId}-${suffix}`,
    TransactItems: [
      { Update: daySettle(settlement, withReservation) },
      { Update: monthSettle(settlement) },
    ],
  });
}
