import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ValidationLimiter } from '../../domain/agents/ports.js';
import { countKeyValidation } from '../../observability/metrics.js';
import { ServiceError } from '../../shared/errors.js';
import { dynamoDb } from '../aws-clients.js';
import { callAws, dependencyFailure } from '../aws-failure.js';
import { isConditionFailure, tableNames } from './tables.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const WINDOW_TTL_SECONDS = 86_400;

export interface ValidationLimits {
  readonly perMinute: number;
  readonly failedPerHour: number;
}

const windowKey = (workspaceId: string, kind: 'MIN' | 'FAIL', nowMs: number, sizeMs: number) => {
  const start = new Date(Math.floor(nowMs / sizeMs) * sizeMs).toISOString();
  return { pk: `WS#${workspaceId}`, sk: `KEYCHECK#${kind}#${start}` };
};

const secondsLeft = (nowMs: number, sizeMs: number) =>
  Math.ceil((sizeMs - (nowMs % sizeMs)) / 1000);

/** Counted as a KeyValidations outcome: a limiter at work is what an oracle attack looks like. */
const tooMany = (retryAfterSeconds: number) => {
  countKeyValidation('limited');
  return new ServiceError(
    'too_many_validation_attempts',
    'Too many key validations; wait and retry',
    {
      retryAfterSeconds,
    },
  );
};

/**
 * Fixed-window counters in DynamoDB, so the limits hold across every Lambda
 * instance at once. A person pasting keys never reaches them; a script
 * testing stolen keys does within a minute.
 */
export function validationLimiter(limits: ValidationLimits): ValidationLimiter {
  return {
    async admit(workspaceId, nowMs) {
      const failures = await callAws('read validation window', () =>
        dynamoDb.send(
          new GetCommand({
            TableName: tableNames.counters,
            Key: windowKey(workspaceId, 'FAIL', nowMs, HOUR_MS),
          }),
        ),
      );
      if (Number(failures.Item?.count ?? 0) >= limits.failedPerHour) {
        throw tooMany(secondsLeft(nowMs, HOUR_MS));
      }
      await countAttempt(workspaceId, nowMs, limits.perMinute);
    },

    async recordFailure(workspaceId, nowMs) {
      await callAws('count failed validation', () =>
        dynamoDb.send(increment(windowKey(workspaceId, 'FAIL', nowMs, HOUR_MS), nowMs)),
      );
    },
  };
}

function increment(key: Record<string, string>, nowMs: number, belowLimit?: number) {
  return new UpdateCommand({
    TableName: tableNames.counters,
    Key: key,
    UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
    ...(belowLimit === undefined
      ? {}
      : { ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit' }),
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: {
      ':one': 1,
      ':expiresAt': Math.floor(nowMs / 1000) + WINDOW_TTL_SECONDS,
      ...(belowLimit === undefined ? {} : { ':limit': belowLimit }),
    },
  });
}

async function countAttempt(workspaceId: string, nowMs: number, perMinute: number) {
  try {
    await dynamoDb.send(
      increment(windowKey(workspaceId, 'MIN', nowMs, MINUTE_MS), nowMs, perMinute),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw tooMany(secondsLeft(nowMs, MINUTE_MS));
    throw dependencyFailure('count validation', error);
  }
}
