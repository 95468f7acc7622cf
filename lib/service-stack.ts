import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { CapResetSchedule } from './constructs/cap-reset-schedule.js';
import { DataTables } from './constructs/data-tables.js';
import { grantFunctionAccess } from './constructs/function-access.js';
import { ServiceApi } from './constructs/http-api.js';
import { KeyVault } from './constructs/key-vault.js';
import { OperationsDashboard } from './constructs/operations-dashboard.js';
import { ServiceAlarms } from './constructs/service-alarms.js';
import { ServiceFunctions } from './constructs/service-functions.js';
import { WebDistribution } from './constructs/web-distribution.js';
import { functionEnvironment, type ResourceLocations } from './definitions/function-environment.js';
import type { ServiceSettings } from './definitions/settings.js';
import { namePrefixOf, STAGE_PROFILES, type Stage } from './definitions/stages.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from './definitions/tables.js';

/** What the stack is built from: the stage and its settings, after context overrides. */
export interface ServiceConfig {
  readonly stage: Stage;
  readonly settings: ServiceSettings;
  readonly logRetentionDays: RetentionDays;
  /** Subscribers of the alarm topic; empty in dev, where alarms have no actions. */
  readonly alarmEmails: readonly string[];
}

export interface ServiceStackProps extends StackProps, ServiceConfig {}

/**
 * The whole service in one stack: data, key custody, functions with their
 * grants, the HTTP API, the settings page, the daily job, and what operators
 * watch (alarms and a dashboard), each a construct of its own.
 */
export class ServiceStack extends Stack {
  readonly tables: DataTables;
  readonly vault: KeyVault;
  readonly functions: ServiceFunctions;
  readonly api: ServiceApi;
  readonly capReset: CapResetSchedule;
  readonly alarms: ServiceAlarms;
  readonly dashboard: OperationsDashboard;
  readonly web: WebDistribution;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);

    const { stage } = props;
    const namePrefix = namePrefixOf(stage);
    const { retainData } = STAGE_PROFILES[stage];
    const logRetention = props.logRetentionDays;

    this.tables = new DataTables(this, 'Data', { retainData });
    this.vault = new KeyVault(this, 'Vault', { settings: props.settings, retainData, namePrefix });
    this.functions = new ServiceFunctions(this, 'Functions', {
      stage,
      namePrefix,
      environment: functionEnvironment(this.resourceLocations(), props.settings),
      logRetention,
    });
    grantFunctionAccess(this.functions, { tables: this.tables, vault: this.vault });
    this.api = new ServiceApi(this, 'Api', { functions: this.functions, namePrefix, logRetention });
    this.capReset = new CapResetSchedule(this, 'CapReset', {
      target: this.functions.byId['cap-reset'].function,
      namePrefix,
    });
    this.alarms = new ServiceAlarms(this, 'Alarms', {
      ...this.watched(),
      namePrefix,
      stage,
      capResetDeadLetterAlarm: this.capReset.deadLetterAlarm,
      alarmEmails: props.alarmEmails,
    });
    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      ...this.watched(),
      namePrefix,
      stage,
      deadLetterQueue: this.capReset.deadLetterQueue,
      alarms: this.alarms.alarms,
    });
    // Same origin for the page and /api/*: the page needs no CORS and sends no cross-site token.
    this.web = new WebDistribution(this, 'Web', {
      apiDomain: Fn.select(2, Fn.split('/', this.api.httpApi.apiEndpoint)),
    });
    this.addOutputs(props.settings);
  }

  /** What alarms and dashboard watch. */
  private watched() {
    return { functions: this.functions, api: this.api, tables: this.tables };
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
      WebUrl: this.web.url,
      AgentsTableName: this.tables.of(AGENTS_TABLE).tableName,
      CountersTableName: this.tables.of(COUNTERS_TABLE).tableName,
      AuditTableName: this.tables.of(AUDIT_TABLE).tableName,
      DashboardUrl: this.dashboard.url,
      CapResetDeadLetterQueueUrl: this.capReset.deadLetterQueue.queueUrl,
      FingerprintKeyArn: this.vault.fingerprintKey.keyArn,
      HostedKeySecretName: settings.hostedKeySecretName,
      VaultPrefix: settings.vaultPrefix,
    };
    if (this.alarms.topic) outputs.AlarmTopicArn = this.alarms.topic.topicArn;
    for (const [id, value] of Object.entries(outputs)) {
      new CfnOutput(this, id, { value });
    }
  }
}
