import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDb } from '../../../functions/adapters/aws-clients.js';
import { dayKey } from '../../../functions/adapters/dynamodb/spend-items.js';
import { tableNames } from '../../../functions/adapters/dynamodb/tables.js';

/** An agent's day item in the counters table, read as the gateway would: strongly consistent. */
export async function readDayItem(
  agentId: string,
  day: string,
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await dynamoDb.send(
    new GetCommand({
      TableName: tableNames.counters,
      Key: dayKey(agentId, day),
      ConsistentRead: true,
    }),
  );
  return Item;
}
