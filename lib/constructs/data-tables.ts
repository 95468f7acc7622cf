import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type GlobalSecondaryIndexProps,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { type IndexDefinition, TABLES, type TableDefinition } from '../definitions/tables.js';

type TableId = TableDefinition['id'];

/**
 * The service's DynamoDB tables, built from the shared definitions so the
 * local stack and AWS have the same keys and indexes. Tables are retained on
 * stack deletion and recoverable to any second of the last 35 days. They are
 * encrypted with the AWS-managed key (aws/dynamodb): items hold no secrets,
 * since keys live in Secrets Manager, and it needs no KMS grant per function.
 */
export class DataTables extends Construct {
  private readonly tables: Readonly<Record<TableId, Table>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const entries = TABLES.map((definition) => [definition.id, createTable(this, definition)]);
    this.tables = Object.fromEntries(entries);
  }

  /** The table built from a definition, e.g. `tables.of(AUDIT_TABLE)`. */
  of(definition: TableDefinition): Table {
    return this.tables[definition.id];
  }
}

function createTable(scope: Construct, definition: TableDefinition): Table {
  const table = new Table(scope, definition.id, {
    partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
    sortKey: { name: definition.sortKey, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryption.AWS_MANAGED,
    timeToLiveAttribute: definition.timeToLiveAttribute,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of definition.indexes) {
    table.addGlobalSecondaryIndex(indexProps(index));
  }
  return table;
}

/** Every key in the data model is a string (ids, days, encoded HMACs), so indexes are too. */
function indexProps(index: IndexDefinition): GlobalSecondaryIndexProps {
  const base = {
    indexName: index.indexName,
    partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
    sortKey: index.sortKey ? { name: index.sortKey, type: AttributeType.STRING } : undefined,
  };
  if (!index.nonKeyAttributes?.length) {
    return { ...base, projectionType: ProjectionType.KEYS_ONLY };
  }
  return {
    ...base,
    projectionType: ProjectionType.INCLUDE,
    nonKeyAttributes: [...index.nonKeyAttributes],
  };
}
