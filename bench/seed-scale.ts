import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  SECRET_KIND,
  vaultSecretName,
  vaultSecretTags,
} from '../functions/adapters/secrets/secret-names.js';
import { forEachBounded } from '../functions/domain/jobs/for-each-bounded.js';
import { ENV } from '../functions/shared/environment.js';
import { newId } from '../functions/shared/ids.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from '../lib/definitions/tables.js';
import { awsClientConfig } from '../scripts/local/aws-target.js';
import { createTable } from '../scripts/local/provision-tables.js';
import type { BenchStack } from './bench-stack.js';

const BATCH_ITEMS = 25;
const BATCH_CONCURRENCY = 8;
const MAX_BATCH_ATTEMPTS = 5;

type Item = Record<string, unknown>;

/**
 * Writes data for the scaling runs straight into moto, with clients of its
 * own: the functions' clients carry the call counter, and seeding is not
 * what is measured.
 */
export class ScaleSeeder {
  readonly #client: DynamoDBClient;
  readonly #dynamoDb: DynamoDBDocumentClient;
  readonly #secrets: SecretsManagerClient;
  readonly #env: Readonly<Record<string, string>>;

  constructor(stack: BenchStack) {
    const config = awsClientConfig(stack.target);
    this.#client = new DynamoDBClient(config);
    this.#dynamoDb = DynamoDBDocumentClient.from(this.#client);
    this.#secrets = new SecretsManagerClient(config);
    this.#env = stack.environment.functionEnvironment;
  }

  /** A counters table of its own, defined as the stack's, for one scaling run. */
  async countersTable(name: string): Promise<string> {
    await createTable(this.#client, name, COUNTERS_TABLE);
    return name;
  }

  /**
   * `count` agents' day items for `day` in `tableName`: every `cappedEvery`th
   * capped, every `staleEvery`th holding a crashed call's reservation. Only
   * the attributes the job reads are written: moto copies a whole table on
   * every transaction, so item size costs time here, though never calls.
   */
  async dayItems(
    tableName: string,
    day: string,
    count: number,
    cappedEvery: number,
    staleEvery: number,
  ): Promise<void> {
    const workspaceId = newId('ws');
    const nowMs = Date.parse(`${day}T12:00:00Z`);
    const items = Array.from({ length: count }, (_, index) => {
      const agentId = newId('agt');
      const capped =
        index % cappedEvery === 0 ? { cappedDay: day, capReachedAtMs: nowMs, workspaceId } : {};
      const stale =
        index % staleEvery === 0
          ? {
              [`rsv_${newId('cal')}`]: { microCents: 1_000, atMs: nowMs },
              reservedMicroCents: 1_000,
              committedMicroCents: 1_000,
            }
          : {};
      return { pk: `AGENT#${agentId}`, sk: `DAY#${day}`, activeDay: day, ...capped, ...stale };
    });
    await this.#putAll(tableName, items);
  }

  /** `count` audit events of one agent, one a minute back from now. */
  async auditEvents(workspaceId: string, agentId: string, count: number): Promise<void> {
    const startMs = Date.now() - count * 60_000;
    const items = Array.from({ length: count }, (_, index) => {
      const id = newId('evt');
      const at = new Date(startMs + index * 60_000).toISOString();
      const actor = { kind: 'system', component: 'cap-reset' };
      const details = { day: at.slice(0, 10), capReachedAtMs: startMs };
      return {
        pk: `AGENT#${agentId}`,
        sk: `${at}#${id}`,
        id,
        type: 'SPEND_CAP_RESET',
        workspaceId,
        agentId,
        at,
        actor,
        details,
      };
    });
    await this.#putAll(this.#env[AUDIT_TABLE.envVar]!, items);
  }

  /** `count` BYO agents, each with its key secret in the vault; returns the secrets' ARNs. */
  async byoAgents(count: number): Promise<string[]> {
    const workspaceId = newId('ws');
    const agents = Array.from({ length: count }, () => ({
      agentId: newId('agt'),
      secretId: newId('sec'),
    }));
    const arns: string[] = [];
    const agentItems: Item[] = [];
    await forEachBounded(agents, BATCH_CONCURRENCY, async ({ agentId, secretId }) => {
      const arn = await this.#createKeySecret(workspaceId, agentId, secretId);
      arns.push(arn);
      agentItems.push({
        pk: `WS#${workspaceId}`,
        sk: `AGENT#${agentId}`,
        id: agentId,
        workspaceId,
        byoKeySecretArn: arn,
      });
    });
    await this.#putAll(this.#env[AGENTS_TABLE.envVar]!, agentItems);
    return arns;
  }

  async deleteSecrets(arns: readonly string[]): Promise<void> {
    await forEachBounded(arns, BATCH_CONCURRENCY, async (arn) => {
      await this.#secrets.send(
        new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: true }),
      );
    });
  }

  async #createKeySecret(workspaceId: string, agentId: string, secretId: string): Promise<string> {
    const kind = SECRET_KIND.anthropicApiKey;
    const prefix = this.#env[ENV.vaultPrefix]!;
    const created = await this.#secrets.send(
      new CreateSecretCommand({
        Name: vaultSecretName({ prefix, workspaceId, kind, ownerId: agentId, secretId }),
        KmsKeyId: this.#env[ENV.vaultKmsKeyId],
        SecretString: 'sk-ant-bench-placeholder-not-a-key',
        Tags: vaultSecretTags({ workspaceId, agentId, kind, secretId }),
      }),
    );
    return created.ARN ?? '';
  }

  async #putAll(tableName: string, items: readonly Item[]): Promise<void> {
    const batches: Item[][] = [];
    for (let start = 0; start < items.length; start += BATCH_ITEMS)
      batches.push(items.slice(start, start + BATCH_ITEMS));
    await forEachBounded(batches, BATCH_CONCURRENCY, (batch) => this.#writeBatch(tableName, batch));
  }

  /** One BatchWriteItem, sending back what DynamoDB left unprocessed, a bounded number of times. */
  async #writeBatch(tableName: string, batch: readonly Item[]): Promise<void> {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; attempt < MAX_BATCH_ATTEMPTS && requests.length > 0; attempt += 1) {
      const result = await this.#dynamoDb.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
    if (requests.length > 0)
      throw new Error(`${requests.length} items left unwritten in ${tableName}`);
  }
}
