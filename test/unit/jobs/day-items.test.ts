import { describe, expect, it } from 'vitest';
import {
  agentDayOfKey,
  cappedAgentDayOf,
  DAY_INDEXES,
  heldReservationsOf,
} from '../../../functions/adapters/dynamodb/cap-reset-day-items.js';
import { COUNTERS_TABLE } from '../../../lib/definitions/tables.js';

const agentDay = { agentId: 'agt_1', day: '2026-03-01' };

describe('stale reservation detection', () => {
  it('finds every rsv_ attribute with its call id and amount', () => {
    const item = {
      pk: 'AGENT#agt_1',
      sk: 'DAY#2026-03-01',
      reservedMicroCents: 700,
      rsv_cal_a: { microCents: 300, atMs: 1 },
      rsv_cal_b: { microCents: 400, atMs: 2 },
    };

    const held = heldReservationsOf(item, agentDay);

    expect(held).toEqual([
      { ...agentDay, callId: 'cal_a', microCents: 300 },
      { ...agentDay, callId: 'cal_b', microCents: 400 },
    ]);
  });

  it('ignores attributes that only resemble reservations', () => {
    const item = {
      reservedMicroCents: 5,
      reservations: { cal_x: 5 },
      RSV_cal_y: { microCents: 5 },
      xrsv_cal_z: { microCents: 5 },
    };

    const held = heldReservationsOf(item, agentDay);

    expect(held).toEqual([]);
  });

  it('leaves a reservation without a whole amount alone', () => {
    const item = {
      rsv_a: { microCents: -1 },
      rsv_b: { microCents: 1.5 },
      rsv_c: { microCents: '3' },
      rsv_d: null,
      rsv_e: { atMs: 1 },
      rsv_f: { microCents: 0 },
    };

    const held = heldReservationsOf(item, agentDay);

    expect(held.map((reservation) => reservation.callId)).toEqual(['f']);
  });

  it('finds none on an item without reservations', () => {
    const held = heldReservationsOf({ spentMicroCents: 10, committedMicroCents: 10 }, agentDay);

    expect(held).toEqual([]);
  });
});

describe('capped day items', () => {
  it('reads the cap an item records for its own day', () => {
    const item = { cappedDay: '2026-03-01', capReachedAtMs: 42, workspaceId: 'ws_1' };

    const cap = cappedAgentDayOf(item, agentDay);

    expect(cap).toEqual({
      ...agentDay,
      workspaceId: 'ws_1',
      capReachedAtMs: 42,
      resetRecorded: false,
    });
  });

  it('tells a cap whose reset is already recorded', () => {
    const item = { cappedDay: '2026-03-01', capReachedAtMs: 42, capResetAt: '2026-03-02T00:00Z' };

    const cap = cappedAgentDayOf(item, agentDay);

    expect(cap?.resetRecorded).toBe(true);
    expect(cap).not.toHaveProperty('workspaceId');
  });

  it('finds no cap on an item capped on another day or not at all', () => {
    const otherDay = cappedAgentDayOf({ cappedDay: '2026-02-28' }, agentDay);
    const uncapped = cappedAgentDayOf({ activeDay: '2026-03-01' }, agentDay);

    expect(otherDay).toBeUndefined();
    expect(uncapped).toBeUndefined();
  });
});

describe('day item keys', () => {
  it('reads the agent and day from an index key', () => {
    const parsed = agentDayOfKey({ pk: 'AGENT#agt_1', sk: 'DAY#2026-03-01', cappedDay: 'x' });

    expect(parsed).toEqual(agentDay);
  });

  it('rejects keys of other item kinds', () => {
    const month = agentDayOfKey({ pk: 'WS#ws_1', sk: 'MONTH#2026-03' });
    const window = agentDayOfKey({ pk: 'AGENT#agt_1', sk: 'KEYCHECK#MIN#2026-03-01T00:00' });

    expect(month).toBeUndefined();
    expect(window).toBeUndefined();
  });

  it('queries the indexes the table definition creates', () => {
    const defined = COUNTERS_TABLE.indexes.map((index) => [index.indexName, index.partitionKey]);

    const queried = Object.values(DAY_INDEXES).map((index) => [index.indexName, index.attribute]);

    expect(defined).toEqual(expect.arrayContaining(queried));
    expect(COUNTERS_TABLE.indexes.every((index) => !index.nonKeyAttributes)).toBe(true);
  });
});
