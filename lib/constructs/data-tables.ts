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

export interface DataTablesProps {
  /**
   * Retain the tables when the stack is deleted and refuse their deletion
   * (prod); otherwise they go with the stack (dev).
   */
  readonly retainData: boolean;
}

/**
 * The service's DynamoDB tables, built from the shared definitions so the
 * local stack and AWS have the same keys and indexes. Tables are recoverable
 * to any second of the last 35 days. They are encrypted with the AWS-managed
 * key (aws/dynamodb): items hold no secrets, since keys live in Secrets
 * Manager, and it needs no KMS grant per function. Their names are left to
 * CloudFormation (they start with the stack's name, which holds the stage):
 * a fixed name would block any replacement and collide with a retained table.
 */
export class DataTables extends Construct {
  private readonly tables: Readonly<Record<TableId, Table>>;

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);

    const entries = TABLES.map((definition) => [
      definition.id,
      createTable(this, definition, props.retainData),
    ]);
    this.tables = Object.fromEntries(entries);
  }

  /** The table built from a definition, e.g. `tables.of(AUDIT_TABLE)`. */
  of(definition: TableDefinition): Table {
    return this.tables[definition.id];
  }

  /** Every table, in the order of the shared definitions. */
  all(): Table[] {
    return TABLES.map((definition) => this.of(definition));
  }
}

function createTable(scope: Construct, definition: TableDefinition, retainData: boolean): Table {
  const table = new Table(scope, definition.id, {
    partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
    sortKey: { name: definition.sortKey, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryption.AWS_MANAGED,
    timeToLiveAttribute: definition.timeToLiveAttribute,
    removalPolicy: retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: retainData,
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
