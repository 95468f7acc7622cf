import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReservationRef } from '../../domain/spend/ports.js';
import { dynamoDb } from '../aws-clients.js';
import { dependencyFailure } from '../aws-failure.js';
import { dayKey, reservationAttribute } from './spend-items.js';
import { isConditionFailure, tableNames } from './tables.js';

/**
 * Gives a reservation's amount back to the day, once: the update only applies
 * while that very reservation is still held, so a release racing a settle or
 * another release changes nothing. False when it was already gone.
 */
export async function releaseReservation(
  reservation: Pick<ReservationRef, 'agentId' | 'day' | 'callId' | 'microCents'>,
): Promise<boolean> {
  try {
    await dynamoDb.send(
      new UpdateCommand({
        TableName: tableNames.counters,
        Key: dayKey(reservation.agentId, reservation.day),
        UpdateExpression: 'REMOVE #rsv ADD committedMicroCents :minus, reservedMicroCents :minus',
        ConditionExpression: 'attribute_exists(#rsv) AND #rsv.microCents = :held',
        ExpressionAttributeNames: { '#rsv': reservationAttribute(reservation.callId) },
        ExpressionAttributeValues: {
          ':minus': -reservation.microCents,
          ':held': reservation.microCents,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw dependencyFailure('release reservation', error);
  }
}
