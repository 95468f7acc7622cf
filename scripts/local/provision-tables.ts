import {
  type AttributeDefinition,
  CreateTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { IndexDefinition, TableDefinition } from '../../lib/definitions/tables.js';

/** The local name of a table: the prefix keeps parallel stacks (dev, each test run) apart. */
export function localTableName(prefix: string, table: TableDefinition): string {
  return `${prefix}-${table.id}`;
}

/**
 * Creates one table as the CDK stack does: on demand, string keys, its indexes
 * and TTL. Moto 5 records TTL but never deletes expired items, so nothing local
 * may rely on expiry; the code reads days by key and ignores stale items anyway.
 */
export async function createTable(
  client: DynamoDBClient,
  tableName: string,
  table: TableDefinition,
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions(table),
      KeySchema: keySchema(table.partitionKey, table.sortKey),
      GlobalSecondaryIndexes: table.indexes.length > 0 ? table.indexes.map(toIndex) : undefined,
    }),
  );

  if (table.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute },
      }),
    );
  }
}

/** Every key attribute of the table and its indexes, each declared once, all strings. */
function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const names = new Set<string>([table.partitionKey, table.sortKey]);
  for (const index of table.indexes) {
    names.add(index.partitionKey);
    if (index.sortKey) names.add(index.sortKey);
  }
  return [...names].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
}

function keySchema(partitionKey: string, sortKey?: string) {
  const hash = { AttributeName: partitionKey, KeyType: 'HASH' as const };
  return sortKey ? [hash, { AttributeName: sortKey, KeyType: 'RANGE' as const }] : [hash];
}

/** An index with no extra attributes projects keys only, as the definition's doc says. */
function toIndex(index: IndexDefinition): GlobalSecondaryIndex {
  const projection = index.nonKeyAttributes?.length
    ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.nonKeyAttributes] }
    : { ProjectionType: 'KEYS_ONLY' as const };

  return {
    IndexName: index.indexName,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: projection,
  };
}
