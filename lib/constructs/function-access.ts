import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from '../definitions/tables.js';
import type { DataTables } from './data-tables.js';
import type { KeyVault } from './key-vault.js';
import {
  onIndexes,
  onKey,
  onKeyViaSecretsManager,
  onSecrets,
  onTable,
} from './policy-statements.js';
import type { ServiceFunctionId, ServiceFunctions } from './service-functions.js';

/** What the functions may be granted access to. */
export interface AccessTargets {
  readonly tables: DataTables;
  readonly vault: KeyVault;
}

type AccessRule = (targets: AccessTargets) => PolicyStatement[];

/** Create, version, retire and delete vault secrets; GetSecretValue is left out on purpose. */
const WRITER_SECRET_ACTIONS = [
  'CreateSecret',
  'PutSecretValue',
  'UpdateSecretVersionStage',
  'DeleteSecret',
  'DescribeSecret',
  'TagResource',
];

/**
 * Every permission of every function beyond its own logs and traces, in one
 * place so a review reads it whole. The audit table only ever receives
 * PutItem (events are immutable), and only the gateway may read a secret:
 * the writer stores customer keys but cannot read them back.
 */
export const FUNCTION_ACCESS: Readonly<Record<ServiceFunctionId, AccessRule>> = {
  'agents-read': ({ tables }) => [
    onTable(tables.of(AGENTS_TABLE), ['GetItem', 'Query']),
    onTable(tables.of(COUNTERS_TABLE), ['GetItem', 'Query']),
    onTable(tables.of(AUDIT_TABLE), ['Query']),
  ],
  'agents-write': ({ tables, vault }) => [
    onTable(tables.of(AGENTS_TABLE), [
      'GetItem',
      'Query',
      'PutItem',
      'UpdateItem',
      'ConditionCheckItem',
    ]),
    onTable(tables.of(AUDIT_TABLE), ['PutItem']),
    // Validation rate limits are counters in this table.
    onTable(tables.of(COUNTERS_TABLE), ['UpdateItem']),
    onSecrets([vault.vaultSecretsArnPattern], WRITER_SECRET_ACTIONS),
    // Secrets Manager needs both to encrypt a new version under the vault key.
    onKeyViaSecretsManager(vault.vaultKey, ['GenerateDataKey', 'Decrypt']),
    onKey(vault.fingerprintKey, ['GenerateMac']),
  ],
  gateway: ({ tables, vault }) => [
    onTable(tables.of(AGENTS_TABLE), ['GetItem', 'UpdateItem']),
    onTable(tables.of(COUNTERS_TABLE), ['GetItem', 'UpdateItem']),
    onTable(tables.of(AUDIT_TABLE), ['PutItem']),
    onSecrets([vault.vaultSecretsArnPattern, vault.hostedKeySecretArn], ['GetSecretValue']),
    onKeyViaSecretsManager(vault.vaultKey, ['Decrypt']),
  ],
  'cap-reset': ({ tables, vault }) => [
    onIndexes(tables.of(COUNTERS_TABLE), COUNTERS_TABLE, ['Query']),
    onTable(tables.of(COUNTERS_TABLE), ['GetItem', 'UpdateItem']),
    onTable(tables.of(AGENTS_TABLE), ['GetItem']),
    onTable(tables.of(AUDIT_TABLE), ['PutItem']),
    // ListSecrets has no resource-level permissions: IAM accepts only "*".
    new PolicyStatement({ actions: ['secretsmanager:ListSecrets'], resources: ['*'] }),
    onSecrets([vault.vaultSecretsArnPattern], ['DeleteSecret']),
  ],
  fallback: () => [],
};

/** Attaches each function's statements to its own role. */
export function grantFunctionAccess(functions: ServiceFunctions, targets: AccessTargets): void {
  for (const [functionId, rule] of Object.entries(FUNCTION_ACCESS)) {
    const serviceFunction = functions.byId[functionId as ServiceFunctionId];
    for (const statement of rule(targets)) {
      serviceFunction.addToRolePolicy(statement);
    }
  }
}
