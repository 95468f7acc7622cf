import { describe, expect, it } from 'vitest';
import type { CapResetDeps } from '../../../functions/domain/jobs/ports.js';
import { CAP_RESET_STEP, runCapReset } from '../../../functions/domain/jobs/run-cap-reset.js';
import { memoryStores } from './memory-stores.js';

const NOW = new Date('2026-03-02T00:00:05Z');
const HOUR_MS = 3_600_000;
const scheduledTime = '2026-03-02T00:00:00Z';

/** Yesterday: one capped agent, one with two stale reservations; plus one secret of each fate. */
function seeded() {
  const stores = memoryStores();
  stores.dayItems.set('agt_capped|2026-03-01', {
    workspaceId: 'ws_1',
    cappedDay: '2026-03-01',
    capReachedAtMs: 7,
  });
  stores.dayItems.set('agt_busy|2026-03-01', {
    activeDay: '2026-03-01',
    reservedMicroCents: 500,
    committedMicroCents: 900,
    rsv_cal_a: { microCents: 200, atMs: 1 },
    rsv_cal_b: { microCents: 300, atMs: 2 },
  });
  const secret = (arn: string, ageMs: number) => ({
    arn,
    name: arn,
    createdAtMs: NOW.getTime() - ageMs,
    workspaceId: 'ws_1',
    agentId: 'agt_byo',
  });
  stores.secrets.set('in-use', secret('in-use', 2 * HOUR_MS));
  stores.secrets.set('orphan', secret('orphan', 2 * HOUR_MS));
  stores.secrets.set('young', secret('young', HOUR_MS / 2));
  stores.agentKeys.set('ws_1|agt_byo', 'in-use');

  const deps: CapResetDeps = {
    spendDays: stores.spendDays,
    secrets: stores.secretStore,
    now: () => NOW,
    minSecretAgeMs: HOUR_MS,
  };
  return { ...stores, deps };
}

describe('cap reset run', () => {
  it('counts what each step did, for the day that ended and the one before', async () => {
    const { deps, dayItems, audit, secrets } = seeded();

    const { result, failures } = await runCapReset(deps, { scheduledTime, requestId: 'req-1' });

    expect(failures).toEqual([]);
    expect(result).toEqual({
      days: ['2026-03-01', '2026-02-28'],
      capResets: 1,
      reservationsReleased: 2,
      microCentsReleased: 500,
      secretsSwept: 1,
    });
    expect(audit).toEqual([
      expect.objectContaining({
        type: 'SPEND_CAP_RESET',
        agentId: 'agt_capped',
        workspaceId: 'ws_1',
        actor: { kind: 'system', component: 'cap-reset' },
        requestId: 'req-1',
        details: { day: '2026-03-01', capReachedAtMs: 7 },
      }),
    ]);
    expect(dayItems.get('agt_busy|2026-03-01')).toMatchObject({
      reservedMicroCents: 0,
      committedMicroCents: 400,
    });
    expect([...secrets.keys()].sort()).toEqual(['in-use', 'young']);
  });

  it('changes nothing on a second run', async () => {
    const { deps, audit } = seeded();
    await runCapReset(deps, { scheduledTime });

    const { result, failures } = await runCapReset(deps, { scheduledTime });

    expect(failures).toEqual([]);
    expect(result).toMatchObject({
      capResets: 0,
      reservationsReleased: 0,
      microCentsReleased: 0,
      secretsSwept: 0,
    });
    expect(audit).toHaveLength(1);
  });

  it('runs the other steps when one fails, and names the failed one', async () => {
    const { deps, audit } = seeded();
    const failing: CapResetDeps = {
      ...deps,
      spendDays: {
        ...deps.spendDays,
        activeAgents: async () => {
          throw new Error('throttled');
        },
      },
    };

    const { result, failures } = await runCapReset(failing, { scheduledTime });

    expect(failures.map(({ step, day }) => ({ step, day }))).toEqual([
      { step: CAP_RESET_STEP.staleReservations, day: '2026-03-01' },
      { step: CAP_RESET_STEP.staleReservations, day: '2026-02-28' },
    ]);
    expect(result).toMatchObject({ capResets: 1, reservationsReleased: 0, secretsSwept: 1 });
    expect(audit).toHaveLength(1);
  });

  it('finishes a day’s other agents when one agent fails', async () => {
    const { deps, dayItems, audit } = seeded();
    dayItems.set('agt_second|2026-03-01', {
      workspaceId: 'ws_1',
      cappedDay: '2026-03-01',
      capReachedAtMs: 8,
    });
    const flaky: CapResetDeps = {
      ...deps,
      spendDays: {
        ...deps.spendDays,
        recordCapReset: async (agentDay, event) => {
          if (agentDay.agentId === 'agt_capped') throw new Error('transaction failed');
          return deps.spendDays.recordCapReset(agentDay, event);
        },
      },
    };

    const { result, failures } = await runCapReset(flaky, { scheduledTime });

    expect(failures).toEqual([
      expect.objectContaining({ step: CAP_RESET_STEP.capResets, day: '2026-03-01' }),
    ]);
    expect(result.capResets).toBe(1);
    expect(audit.map((event) => event.agentId)).toEqual(['agt_second']);
  });

  it('leaves unaudited a cap whose day item names no workspace', async () => {
    const { deps, dayItems, audit } = seeded();
    dayItems.set('agt_capped|2026-03-01', { cappedDay: '2026-03-01', capReachedAtMs: 7 });

    const { result, failures } = await runCapReset(deps, { scheduledTime });

    expect(failures).toEqual([]);
    expect(result.capResets).toBe(0);
    expect(audit).toEqual([]);
  });

  it('refuses a scheduled time it cannot read before touching anything', async () => {
    const { deps, audit, secrets } = seeded();

    const run = runCapReset(deps, { scheduledTime: 'midnight' });

    await expect(run).rejects.toMatchObject({ code: 'job_invalid_input' });
    expect(audit).toEqual([]);
    expect(secrets.size).toBe(3);
  });
});
