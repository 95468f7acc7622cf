import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GATEWAY_FAULT_CASES,
  type GatewayFaultCase,
  STEP_CALLS,
} from '../../security/gateway-fault-cases.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import {
  callsCarrying,
  dayCounterItem,
  emulator,
  messageBody,
  newMarker,
  registeredKey,
  reservationsIn,
} from '../../support/gateway-fixtures.js';
import { localStack } from '../../support/local-api.js';
import { byoPatch } from '../agents/helpers/agents-api.js';
import { injectAimedFault } from './support/aimed-faults.js';
import { useSecurityApi } from './support/security-api.js';
import { useShiftedDay } from './support/shifted-day.js';

const clock = useShiftedDay(1991);
const api = useSecurityApi();

/** Past the gateway's five minutes of trust in its copy of the hosted key. */
const HOSTED_KEY_CACHE_EXPIRY_MS = 6 * 60_000;
const ROOMY_CAP_CENTS = 100_000;

interface Outcome {
  readonly agentId: string;
  readonly leavesReservation: boolean;
}

describe('an agent call when AWS fails', () => {
  const outcomes: Outcome[] = [];

  /** A fresh agent on its own key (or the hosted one), with room under its cap. */
  async function freshAgent(kind: GatewayFaultCase['agent']) {
    const workspace = await seedTestWorkspace({ roles: ['OWNER', 'MEMBER'] });
    const agentId = workspace.agentIds[0]!;
    const apiKey = kind === 'byo' ? await registeredKey() : localStack().hostedApiKey;
    const body = kind === 'byo' ? byoPatch(apiKey) : {};
    const patched = await patch(workspace.tokens.OWNER, agentId, {
      ...body,
      dailySpendCapCents: ROOMY_CAP_CENTS,
    });
    expect(patched.status).toBe(200);
    return { workspace, agentId, apiKey };
  }

  const patch = (token: string, agentId: string, body: Record<string, unknown>) =>
    api.client.send(`/agents/${agentId}`, { method: 'PATCH', token, body });
  const call = (token: string, agentId: string, marker: string) =>
    api.client.send(`/agents/${agentId}/messages`, {
      method: 'POST',
      token,
      body: messageBody(marker),
    });
  const dayItem = (agentId: string) => dayCounterItem(agentId, clock.day);

  it.each(GATEWAY_FAULT_CASES.map((fault) => [fault.name, fault] as const))(
    'answers %s clearly and keeps the books',
    async (_, fault) => {
      const { workspace, agentId, apiKey } = await freshAgent(fault.agent);
      const member = workspace.tokens.MEMBER;
      if (fault.capCents !== undefined) {
        await patch(workspace.tokens.OWNER, agentId, { dailySpendCapCents: fault.capCents });
      }
      if (fault.step === 'read hosted key') clock.advance(HOSTED_KEY_CACHE_EXPIRY_MS);
      if (fault.upstreamStatus) {
        await emulator().injectFault({
          kind: 'status',
          status: fault.upstreamStatus,
          match: { apiKey },
        });
      }
      const target = STEP_CALLS[fault.step];
      const injected = injectAimedFault(api.local.awsClients[target.client], {
        command: target.command,
        where: target.where,
        when: fault.when,
        error: fault.error,
      });
      const marker = newMarker();

      const response = await call(member, agentId, marker).finally(() => injected.remove());

      expect(injected.thrown).toBe(1);
      expect(response.status).toBe(fault.status);
      if (fault.code) {
        expect(response.body.error.code).toBe(fault.code);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(response.text).not.toMatch(/internal_error|\bat \w+ \(|stack/);
      expect(await callsCarrying(marker)).toHaveLength(fault.reachesAnthropic ? 1 : 0);
      const item = await dayItem(agentId);
      expect(reservationsIn(item)).toHaveLength(fault.leavesReservation ? 1 : 0);
      expect(Number(item?.calls ?? 0)).toBe(fault.settles ? 1 : 0);
      outcomes.push({ agentId, leavesReservation: fault.leavesReservation });

      if (fault.capCents !== undefined) {
        await patch(workspace.tokens.OWNER, agentId, { dailySpendCapCents: ROOMY_CAP_CENTS });
      }
      const next = newMarker();
      const afterwards = await call(member, agentId, next);
      expect(afterwards.status).toBe(200);
      expect(afterwards.headers['x-credential-source']).toBe(fault.agent);
      expect((await callsCarrying(next)).map((record) => record.apiKey)).toEqual([apiKey]);
    },
  );

  describe('once the day has ended', () => {
    let released: Awaited<ReturnType<typeof clock.runDailyJob>>;
    let leftBefore: number;

    beforeAll(async () => {
      const items = await Promise.all(outcomes.map(({ agentId }) => dayItem(agentId)));
      leftBefore = items.reduce((sum, item) => sum + reservationsIn(item).length, 0);
      released = await clock.runDailyJob();
    });

    it('finds held exactly the reservations the table says stay until the job', () => {
      expect(leftBefore).toBe(outcomes.filter((outcome) => outcome.leavesReservation).length);
      expect(leftBefore).toBeGreaterThan(0);
    });

    it('releases every one of them with the daily job', async () => {
      expect(released.days[0]).toBe(clock.day);
      expect(released.reservationsReleased).toBe(leftBefore);
      for (const { agentId } of outcomes) {
        const item = await dayItem(agentId);
        expect(reservationsIn(item)).toEqual([]);
        expect(Number(item?.reservedMicroCents)).toBe(0);
        expect(Number(item?.committedMicroCents)).toBe(Number(item?.spentMicroCents));
      }
    });
  });

  afterAll(() => {
    expect(outcomes).toHaveLength(GATEWAY_FAULT_CASES.length);
  });
});
