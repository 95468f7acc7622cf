import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vaultSecretName, vaultSecretTags } from '../../functions/adapters/secrets/secret-names.js';
import type { SpendDayStore } from '../../functions/domain/jobs/ports.js';
import { capResetEvent } from '../../functions/domain/jobs/reset-caps.js';
import type { CapResetResult } from '../../functions/domain/jobs/run-cap-reset.js';
import { newId } from '../../functions/shared/ids.js';
import { AGENTS_TABLE, AUDIT_TABLE, COUNTERS_TABLE } from '../../lib/definitions/tables.js';
import { awsClientConfig } from '../../scripts/local/aws-target.js';
import { lambdaContext } from '../../scripts/local/lambda-context.js';
import { schedulerEvent } from '../../scripts/local/scheduler-event.js';
import { seedTestWorkspace } from '../support/fixtures.js';
import { applyLocalStackEnvironment } from '../support/local-api.js';

const DAY_MS = 86_400_000;

/**
 * Test files share one moto, and other files create vault secrets of their
 * own: this file's job sweeps a vault prefix of its own, so it never deletes
 * theirs and its counts are its own.
 */
const VAULT_PREFIX = `it-vault-${randomBytes(4).toString('hex')}`;

/**
 * Moto stamps a secret's CreatedDate with the current time, in whole
 * seconds, and cannot backdate it: "old" here means a few seconds, so the
 * sweep's minimum age is lowered to match.
 */
const MIN_SECRET_AGE_SECONDS = 3;

/** Far-past days, a fresh stretch per test, so no other file's counters share them. */
let nextDayMs = Date.parse('2001-01-01T00:00:00Z') + randomInt(0, 5000) * DAY_MS;
const freshDay = () => {
  nextDayMs += 10 * DAY_MS;
  return new Date(nextDayMs).toISOString().slice(0, 10);
};
const dayAfter = (day: string, days = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const stack = applyLocalStackEnvironment();
const config = awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region });
const documents = DynamoDBDocumentClient.from(new DynamoDBClient(config));
const secretsManager = new SecretsManagerClient(config);
const tables = {
  agents: stack.functionEnvironment[AGENTS_TABLE.envVar],
  counters: stack.functionEnvironment[COUNTERS_TABLE.envVar],
  audit: stack.functionEnvironment[AUDIT_TABLE.envVar],
};

type Handler = (event: unknown, context: unknown) => Promise<CapResetResult>;
let handler: Handler;
let capResetStore: SpendDayStore;
let awsClients: typeof import('../../functions/adapters/aws-clients.js').awsClients;

/** Runs the job as the schedule would at `time` on `day`: midnight unless told otherwise. */
const runFor = (day: string, time = '00:00:00') =>
  handler(schedulerEvent(new Date(`${day}T${time}Z`)), lambdaContext('it-cap-reset'));

// --- counters -----------------------------------------------------------------------------------

type DayItem = Record<string, unknown>;

async function putDayItem(agentId: string, workspaceId: string, day: string, extra: DayItem) {
  const item = {
    pk: `AGENT#${agentId}`,
    sk: `DAY#${day}`,
    agentId,
    workspaceId,
    activeDay: day,
    spentMicroCents: 0,
    reservedMicroCents: 0,
    committedMicroCents: 0,
    ...extra,
  };
  await documents.send(new PutCommand({ TableName: tables.counters, Item: item }));
  return item;
}

const cappedItem = (day: string): DayItem => ({
  cappedDay: day,
  capReachedAtMs: Date.parse(`${day}T18:30:00Z`),
  spentMicroCents: 1_000_000,
  committedMicroCents: 1_000_000,
});

const reservingItem = (day: string): DayItem => ({
  spentMicroCents: 400_000,
  reservedMicroCents: 500_000,
  committedMicroCents: 900_000,
  rsv_cal_first: { microCents: 200_000, atMs: Date.parse(`${day}T23:59:00Z`) },
  rsv_cal_second: { microCents: 300_000, atMs: Date.parse(`${day}T23:59:30Z`) },
});

async function readDayItem(agentId: string, day: string) {
  const key = { pk: `AGENT#${agentId}`, sk: `DAY#${day}` };
  const { Item } = await documents.send(new GetCommand({ TableName: tables.counters, Key: key }));
  return Item;
}

async function auditEventsOf(agentId: string) {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: tables.audit,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AGENT#${agentId}` },
    }),
  );
  return Items ?? [];
}

// --- vault --------------------------------------------------------------------------------------

const createdSecrets: string[] = [];

async function createKeySecret(prefix: string, workspaceId: string, agentId: string) {
  const secretId = newId('sec');
  const kind = 'anthropic-api-key';
  const { ARN } = await secretsManager.send(
    new CreateSecretCommand({
      Name: vaultSecretName({ prefix, workspaceId, kind, ownerId: agentId, secretId }),
      SecretString: `sk-ant-api03-test-${randomBytes(8).toString('hex')}`,
      Tags: vaultSecretTags({ workspaceId, agentId, kind, secretId }),
    }),
  );
  createdSecrets.push(ARN!);
  return ARN!;
}

/** The ARNs still listed under this file's prefixes (the vault's and its look-alike). */
async function remainingSecretArns(): Promise<string[]> {
  const { SecretList } = await secretsManager.send(
    new ListSecretsCommand({ Filters: [{ Key: 'name', Values: [VAULT_PREFIX] }], MaxResults: 100 }),
  );
  return (SecretList ?? []).map((secret) => secret.ARN!).sort();
}

async function pointAgentAt(workspaceId: string, agentId: string, secretArn: string) {
  await documents.send(
    new UpdateCommand({
      TableName: tables.agents,
      Key: { pk: `WS#${workspaceId}`, sk: `AGENT#${agentId}` },
      UpdateExpression: 'SET byoKeySecretArn = :arn, llmProvider = :byo',
      ExpressionAttributeValues: { ':arn': secretArn, ':byo': 'BYO_ANTHROPIC' },
    }),
  );
}

// --- tests --------------------------------------------------------------------------------------

describe('cap-reset job', () => {
  beforeAll(async () => {
    process.env.VAULT_SECRET_PREFIX = VAULT_PREFIX;
    process.env.SWEEP_MIN_SECRET_AGE_SECONDS = String(MIN_SECRET_AGE_SECONDS);
    ({ handler } = (await import('../../functions/handlers/cap-reset.js')) as unknown as {
      handler: Handler;
    });
    ({ capResetStore } = await import('../../functions/adapters/dynamodb/cap-reset-store.js'));
    ({ awsClients } = await import('../../functions/adapters/aws-clients.js'));
  });

  afterEach(async () => {
    const deletions = createdSecrets
      .splice(0)
      .map((SecretId) =>
        secretsManager
          .send(new DeleteSecretCommand({ SecretId, ForceDeleteWithoutRecovery: true }))
          .catch(() => undefined),
      );
    await Promise.all(deletions);
  });

  it('records one SPEND_CAP_RESET for each agent capped on the day that ended', async () => {
    const day = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 3 });
    const [first, second, uncapped] = workspace.agentIds as [string, string, string];
    await putDayItem(first, workspace.id, day, cappedItem(day));
    await putDayItem(second, workspace.id, day, cappedItem(day));
    await putDayItem(uncapped, workspace.id, day, { spentMicroCents: 5 });

    const result = await runFor(dayAfter(day));

    expect(result).toMatchObject({ days: [day, dayAfter(day, -1)], capResets: 2 });
    for (const agentId of [first, second]) {
      const events = await auditEventsOf(agentId);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'SPEND_CAP_RESET',
          workspaceId: workspace.id,
          agentId,
          actor: { kind: 'system', component: 'cap-reset' },
          details: { day, capReachedAtMs: Date.parse(`${day}T18:30:00Z`) },
        }),
      ]);
      expect(await readDayItem(agentId, day)).toHaveProperty('capResetAt', events[0]!.at);
    }
    expect(await auditEventsOf(uncapped)).toEqual([]);
  });

  it('releases stale reservations, giving back exactly their sum', async () => {
    const day = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [busy, idle] = workspace.agentIds as [string, string];
    await putDayItem(busy, workspace.id, day, reservingItem(day));
    const idleItem = await putDayItem(idle, workspace.id, day, { spentMicroCents: 70 });

    const result = await runFor(dayAfter(day));

    expect(result).toMatchObject({ reservationsReleased: 2, microCentsReleased: 500_000 });
    const after = await readDayItem(busy, day);
    expect(Object.keys(after ?? {}).filter((name) => name.startsWith('rsv_'))).toEqual([]);
    expect(after).toMatchObject({
      spentMicroCents: 400_000,
      reservedMicroCents: 0,
      committedMicroCents: 400_000,
    });
    expect(await readDayItem(idle, day)).toEqual(idleItem);
  });

  it('sweeps only the orphaned key secret that is old enough', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [byo, hosted] = workspace.agentIds as [string, string];
    const inUse = await createKeySecret(VAULT_PREFIX, workspace.id, byo);
    await pointAgentAt(workspace.id, byo, inUse);
    const oldOrphan = await createKeySecret(VAULT_PREFIX, workspace.id, hosted);
    const outside = await createKeySecret(`${VAULT_PREFIX}-other`, workspace.id, hosted);
    await sleep((MIN_SECRET_AGE_SECONDS + 1) * 1000);
    const newOrphan = await createKeySecret(VAULT_PREFIX, workspace.id, hosted);

    const result = await runFor(dayAfter(freshDay()));

    expect(result.secretsSwept).toBe(1);
    const remaining = await remainingSecretArns();
    expect(remaining).not.toContain(oldOrphan);
    expect(remaining).toEqual([inUse, outside, newOrphan].sort());
  });

  it('changes nothing and writes no event on a second run', async () => {
    const day = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [capped, busy] = workspace.agentIds as [string, string];
    await putDayItem(capped, workspace.id, day, cappedItem(day));
    await putDayItem(busy, workspace.id, day, reservingItem(day));
    await runFor(dayAfter(day));
    const itemsAfterFirst = [await readDayItem(capped, day), await readDayItem(busy, day)];

    const second = await runFor(dayAfter(day));

    expect(second).toEqual({
      days: [day, dayAfter(day, -1)],
      capResets: 0,
      reservationsReleased: 0,
      microCentsReleased: 0,
      secretsSwept: 0,
    });
    expect(await auditEventsOf(capped)).toHaveLength(1);
    expect([await readDayItem(capped, day), await readDayItem(busy, day)]).toEqual(itemsAfterFirst);
  });

  it('still resets a cap and releases reservations when the run is two days late', async () => {
    const day = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [capped, busy] = workspace.agentIds as [string, string];
    await putDayItem(capped, workspace.id, day, cappedItem(day));
    await putDayItem(busy, workspace.id, day, reservingItem(day));

    const result = await runFor(dayAfter(day, 2));

    expect(result).toMatchObject({
      days: [dayAfter(day), day],
      capResets: 1,
      reservationsReleased: 2,
    });
    expect(await auditEventsOf(capped)).toHaveLength(1);
  });

  it('leaves a day that is today untouched', async () => {
    const today = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [capped, busy] = workspace.agentIds as [string, string];
    const cappedToday = await putDayItem(capped, workspace.id, today, cappedItem(today));
    const busyToday = await putDayItem(busy, workspace.id, today, reservingItem(today));

    const result = await runFor(today, '23:59:59');

    expect(result).toMatchObject({ days: [dayAfter(today, -1), dayAfter(today, -2)] });
    expect(result).toMatchObject({ capResets: 0, reservationsReleased: 0 });
    expect(await readDayItem(capped, today)).toEqual(cappedToday);
    expect(await readDayItem(busy, today)).toEqual(busyToday);
    expect(await auditEventsOf(capped)).toEqual([]);
  });

  it('writes the reset event once when two runs race past the read', async () => {
    const day = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 1 });
    const agentId = workspace.agentIds[0]!;
    await putDayItem(agentId, workspace.id, day, cappedItem(day));
    const cap = { agentId, day, workspaceId: workspace.id, capReachedAtMs: 1 };
    const eventOf = () => capResetEvent({ ...cap, resetRecorded: false }, new Date());

    const first = await capResetStore.recordCapReset({ agentId, day }, eventOf());
    const second = await capResetStore.recordCapReset({ agentId, day }, eventOf());

    expect([first, second]).toEqual([true, false]);
    expect(await auditEventsOf(agentId)).toHaveLength(1);
  });

  it('finishes the other steps when the sweep fails, then throws for a retry', async () => {
    const day = freshDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 1 });
    const agentId = workspace.agentIds[0]!;
    await putDayItem(agentId, workspace.id, day, cappedItem(day));
    const failListSecrets = 'failListSecrets';
    awsClients.secretsManager.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'ListSecretsCommand') return next(args);
        throw Object.assign(new Error('Secrets Manager is down'), { name: 'InternalServiceError' });
      },
      { step: 'initialize', name: failListSecrets },
    );

    const run = runFor(dayAfter(day)).finally(() =>
      awsClients.secretsManager.middlewareStack.remove(failListSecrets),
    );

    await expect(run).rejects.toMatchObject({
      code: 'job_incomplete',
      failures: [expect.objectContaining({ step: 'secret-sweep' })],
    });
    expect(await auditEventsOf(agentId)).toHaveLength(1);
  });
});
