import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { TableDefinition } from '../definitions/tables.js';

/** Actions on a table's items; its indexes are not included. */
export function onTable(table: ITable, actions: readonly string[]): PolicyStatement {
  return new PolicyStatement({ actions: dynamodb(actions), resources: [table.tableArn] });
}

/** Actions on the indexes a definition names, and not on the table itself. */
export function onIndexes(
  table: ITable,
  definition: TableDefinition,
  actions: readonly string[],
): PolicyStatement {
  const resources = definition.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  return new PolicyStatement({ actions: dynamodb(actions), resources });
}

/** Actions on specific secrets or ARN patterns. */
export function onSecrets(arns: readonly string[], actions: readonly string[]): PolicyStatement {
  return new PolicyStatement({
    actions: actions.map((action) => `secretsmanager:${action}`),
    resources: [...arns],
  });
}

/** Actions a function calls on a KMS key itself (e.g. GenerateMac). */
export function onKey(key: IKey, actions: readonly string[]): PolicyStatement {
  return new PolicyStatement({ actions: kms(actions), resources: [key.keyArn] });
}

/**
 * Actions on a KMS key usable only through Secrets Manager in this region,
 * which calls KMS on the caller's behalf (and with the caller's permissions)
 * when it encrypts or decrypts a secret. The function cannot call them itself.
 */
export function onKeyViaSecretsManager(key: IKey, actions: readonly string[]): PolicyStatement {
  return new PolicyStatement({
    actions: kms(actions),
    resources: [key.keyArn],
    conditions: {
      StringEquals: { 'kms:ViaService': viaSecretsManager(key) },
    },
  });
}

/** `secretsmanager.<region>.amazonaws.com`, with the partition's own domain (e.g. `.com.cn`). */
function viaSecretsManager(key: IKey): string {
  const stack = Stack.of(key);
  return `secretsmanager.${stack.region}.${stack.urlSuffix}`;
}

function dynamodb(actions: readonly string[]): string[] {
  return actions.map((action) => `dynamodb:${action}`);
}

function kms(actions: readonly string[]): string[] {
  return actions.map((action) => `kms:${action}`);
}
