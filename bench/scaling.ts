import { awsClients } from '../functions/adapters/aws-clients.js';
import { COUNTERS_TABLE } from '../lib/definitions/tables.js';
import { invokeCapReset } from '../scripts/local/scheduler-event.js';
import { captureLogs } from '../test/support/capture-logs.js';
import { type CountedCall, countAwsCalls } from './aws-call-counter.js';
import type { BenchStack } from './bench-stack.js';
import { seedBenchWorkspace } from './bench-workspace.js';
import { type CallSummary, summariseCalls } from './call-summary.js';
import { expectStatus, invokeQuietly, invokeRoute } from './in-process-api.js';
import { ScaleSeeder } from './seed-scale.js';
import { round } from './stats.js';

/** Of the agents with a day item: 1% capped, 1 in 1,000 left a reservation behind; 1% use BYO keys. */
const CAPPED_EVERY = 100;
const STALE_EVERY = 1_000;
const BYO_EVERY = 100;

/** One run of the reset job over a day with `agentDays` active agents. */
export interface ResetJobRun extends CallSummary {
  /** Agents active on the day the job closes. */
  readonly agentDays: number;
  /** Day items in the table for the run: the active day's and as many of an older day. */
  readonly totalDayItems: number;
  readonly cappedAgents: number;
  readonly byoSecrets: number;
  /** Keys the sparse day indexes returned. */
  readonly indexKeysRead: number;
  readonly dayItemsRead: number;
  readonly agentItemsRead: number;
  readonly wallMs: number;
  readonly result: unknown;
}

/** One page of an agent's audit log, at some length of history. */
export interface AuditPageRead extends CallSummary {
  readonly events: number;
  readonly returned: number;
  readonly wallMs: number;
}

const withCounter = async <T>(action: () => Promise<T>) => {
  const counter = countAwsCalls({
    dynamoDb: awsClients.dynamoDb,
    secretsManager: awsClients.secretsManager,
    kms: awsClients.kms,
  });
  const logs = captureLogs();
  const startedMs = performance.now();
  try {
    const value = await action();
    return { value, calls: counter.calls(), wallMs: round(performance.now() - startedMs, 0) };
  } finally {
    logs.stop();
    counter.stop();
  }
};

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const itemsFrom = (calls: CountedCall[], match: (call: CountedCall) => boolean) =>
  calls.filter(match).reduce((sum, call) => sum + call.itemsRead, 0);

/** Idle history: as many day items a week before, which the job must never read. */
const IDLE_DAYS_BACK = 7;

/**
 * Points the functions at another counters table until the returned function
 * is called. The functions read table names on every call, by design, so
 * nothing else changes.
 */
function useCountersTable(tableName: string): () => void {
  const previous = process.env[COUNTERS_TABLE.envVar];
  process.env[COUNTERS_TABLE.envVar] = tableName;
  return () => {
    process.env[COUNTERS_TABLE.envVar] = previous;
  };
}

/**
 * One run of the job at the midnight after `day`, in a counters table of its
 * own holding `agentDays` day items of `day` and as many of a week before,
 * with 1% as many BYO agents' secrets in the vault. The secrets are deleted
 * afterwards, so the next size starts from the same vault. A table per run
 * keeps each run's reads its own, and moto's transactions fast (it copies
 * every table a transaction touches).
 */
export async function measureResetJob(
  stack: BenchStack,
  agentDays: number,
  day: string,
): Promise<ResetJobRun> {
  const seeder = new ScaleSeeder(stack);
  const table = await seeder.countersTable(`bench-scale-${agentDays}-${COUNTERS_TABLE.id}`);
  await seeder.dayItems(table, day, agentDays, CAPPED_EVERY, STALE_EVERY);
  await seeder.dayItems(
    table,
    daysBefore(day, IDLE_DAYS_BACK),
    agentDays,
    CAPPED_EVERY,
    STALE_EVERY,
  );
  const arns = await seeder.byoAgents(Math.floor(agentDays / BYO_EVERY));

  const scheduledAt = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  const restore = useCountersTable(table);
  const { value, calls, wallMs } = await withCounter(() => invokeCapReset(scheduledAt)).finally(
    restore,
  );
  await seeder.deleteSecrets(arns);

  return {
    agentDays,
    totalDayItems: 2 * agentDays,
    cappedAgents: Math.ceil(agentDays / CAPPED_EVERY),
    byoSecrets: arns.length,
    indexKeysRead: itemsFrom(calls, (call) => call.operation === 'Query'),
    dayItemsRead: itemsFrom(calls, (call) => call.operation === 'GetItem' && call.table === table),
    agentItemsRead: itemsFrom(
      calls,
      (call) => call.operation === 'GetItem' && call.table !== table,
    ),
    wallMs,
    result: value,
    ...summariseCalls(calls),
  };
}

/** Reads the first page (default size) of the audit log of an agent with `events` events. */
export async function measureAuditPage(stack: BenchStack, events: number): Promise<AuditPageRead> {
  const workspace = await seedBenchWorkspace(stack, `Audit ${events}`, 1);
  const agentId = workspace.agentIds[0]!;
  await new ScaleSeeder(stack).auditEvents(workspace.id, agentId, events);

  const call = {
    method: 'GET',
    path: `/api/v1/agents/${agentId}/audit-events`,
    token: workspace.tokens.OWNER,
  } as const;
  // A first read warms the function; the second is the one counted.
  await invokeQuietly(call);
  const { value, calls, wallMs } = await withCounter(() => invokeRoute(call));
  const page = JSON.parse(expectStatus(value, 200, 'audit page').body) as { events: unknown[] };
  return { events, returned: page.events.length, wallMs, ...summariseCalls(calls) };
}
