import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../lib/definitions/tables.js';
import { synthesize } from './support/synth.js';

const { stack, template } = synthesize();

describe('DataTables', () => {
  it('creates exactly the tables of the shared definition', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', TABLES.length);
  });

  it('makes every table on-demand, recoverable and encrypted', () => {
    const tables = template.findResources('AWS::DynamoDB::Table', {
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      },
    });

    expect(Object.keys(tables)).toHaveLength(TABLES.length);
  });

  it.each(TABLES)('gives the $id table its keys, TTL and indexes', (definition) => {
    const indexes = definition.indexes.map((index) =>
      Match.objectLike({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' }] : []),
        ],
        Projection: index.nonKeyAttributes
          ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.nonKeyAttributes] }
          : { ProjectionType: 'KEYS_ONLY' },
      }),
    );
    const timeToLive = definition.timeToLiveAttribute
      ? { AttributeName: definition.timeToLiveAttribute, Enabled: true }
      : Match.absent();

    const matching = template.findResources('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          { AttributeName: definition.sortKey, KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: timeToLive,
        GlobalSecondaryIndexes: indexes.length > 0 ? indexes : Match.absent(),
      },
    });

    const table = stack.tables.of(definition).node.defaultChild as CfnElement;
    expect(Object.keys(matching)).toEqual([stack.getLogicalId(table)]);
  });
});
