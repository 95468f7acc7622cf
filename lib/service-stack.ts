import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { CapResetSchedule } from './constructs/cap-reset-schedule.js';
import { DataTables } from './constructs/data-tables.js';
import { grantFunctionAccess } from './constructs/function-access.js';
import { ServiceApi } from './constructs/http-api.js';
import { KeyVault } from './constructs/key-vault.js';
import { ServiceFunctions } from './constructs/service-functions.js';
import { functionEnvironment, type ResourceLocations } from './definitions/function-environment.js';
import type { ServiceSettings } from './definitions/settings.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from './definitions/tables.js';

export interface ServiceStackProps extends StackProps {
  readonly settings: ServiceSettings;
  readonly logRetentionDays: RetentionDays;
}

/**
 * The whole service in one stack: data, key custody, functions with their
 * grants, the HTTP API and the daily job, each a construct of its own.
 */
export class ServiceStack extends Stack {
  readonly tables: DataTables;
  readonly vault: KeyVault;
  readonly functions: ServiceFunctions;
  readonly api: ServiceApi;
  readonly capReset: CapResetSchedule;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);

    this.tables = new DataTables(this, 'Data');
    this.vault = new KeyVault(this, 'Vault', { settings: props.settings });
    this.functions = new ServiceFunctions(this, 'Functions', {
      environment: functionEnvironment(this.resourceLocations(), props.settings),
      logRetention: props.logRetentionDays,
    });
    grantFunctionAccess(this.functions, { tables: this.tables, vault: this.vault });
    this.api = new ServiceApi(this, 'Api', {
      functions: this.functions,
      logRetention: props.logRetentionDays,
    });
    this.capReset = new CapResetSchedule(this, 'CapReset', {
      target: this.functions.byId['cap-reset'].function,
    });
    this.addOutputs(props.settings);
  }

  /** ARNs rather than ids or names: unambiguous for KMS and Secrets Manager calls. */
  private resourceLocations(): ResourceLocations {
    return {
      agentsTableName: this.tables.of(AGENTS_TABLE).tableName,
      countersTableName: this.tables.of(COUNTERS_TABLE).tableName,
      auditTableName: this.tables.of(AUDIT_TABLE).tableName,
      vaultKmsKeyId: this.vault.vaultKey.keyArn,
      fingerprintKmsKeyId: this.vault.fingerprintKey.keyArn,
      hostedKeySecretId: this.vault.hostedKeySecretArn,
    };
  }

  private addOutputs(settings: ServiceSettings): void {
    const outputs: Record<string, string> = {
      ApiUrl: this.api.url,
      AgentsTableName: this.tables.of(AGENTS_TABLE).tableName,
      CountersTableName: this.tables.of(COUNTERS_TABLE).tableName,
      AuditTableName: this.tables.of(AUDIT_TABLE).tableName,
      HostedKeySecretName: settings.hostedKeySecretName,
      VaultPrefix: settings.vaultPrefix,
    };
    for (const [id, value] of Object.entries(outputs)) {
      new CfnOutput(this, id, { value });
    }
  }
}
