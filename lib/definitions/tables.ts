/**
 * The service's DynamoDB tables, as plain data. The CDK constructs and the
 * local stack both create tables from this one list, so the two cannot drift.
 * The access patterns behind each key are described in docs/data-model.md.
 */
import { ENV } from '../../functions/shared/environment.js';

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /** Attributes copied into the index besides the keys; none means KEYS_ONLY. */
  readonly nonKeyAttributes?: readonly string[];
}

export interface TableDefinition {
  /** Logical id in the stack and suffix of the local table name. */
  readonly id: 'Agents' | 'Counters' | 'Audit';
  /** Environment variable that carries the table name to the functions. */
  readonly envVar: (typeof ENV)[keyof typeof ENV];
  readonly partitionKey: 'pk';
  readonly sortKey: 'sk';
  readonly timeToLiveAttribute?: string;
  readonly indexes: readonly IndexDefinition[];
}

export const AGENTS_TABLE: TableDefinition = {
  id: 'Agents',
  envVar: ENV.agentsTable,
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    {
      indexName: 'byKeyFingerprint',
      partitionKey: 'byoKeyFingerprint',
      sortKey: 'pk',
      nonKeyAttributes: ['id', 'workspaceId', 'name', 'byoKeyHint'],
    },
  ],
};

export const COUNTERS_TABLE: TableDefinition = {
  id: 'Counters',
  envVar: ENV.countersTable,
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    { indexName: 'byCappedDay', partitionKey: 'cappedDay', sortKey: 'pk' },
    { indexName: 'byActiveDay', partitionKey: 'activeDay', sortKey: 'pk' },
  ],
};

export const AUDIT_TABLE: TableDefinition = {
  id: 'Audit',
  envVar: ENV.auditTable,
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [],
};

export const TABLES: readonly TableDefinition[] = [AGENTS_TABLE, COUNTERS_TABLE, AUDIT_TABLE];
