import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../functions/shared/environment.js';
import { RESERVATIONS_PER_CAP, SHORT_FORM } from '../../security/load-profile.js';
import {
  type AgentCalls,
  callViolations,
  capFor,
  runParallelCalls,
} from '../../security/scenarios/parallel-calls.js';
import {
  type RotationRun,
  rotationViolations,
  runParallelRotations,
} from '../../security/scenarios/parallel-rotations.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { emulator, registeredKey } from '../../support/gateway-fixtures.js';
import { byoPatch } from '../agents/helpers/agents-api.js';
import { agentItem, currentVersionId, secretValue } from '../agents/helpers/moto.js';
import { useSecurityApi } from './support/security-api.js';

// One workspace validates 1 + 20 keys within a minute: above the default limit, not under test here.
const api = useSecurityApi({ environment: { [ENV.validationsPerMinute]: '100' } });

describe(`${SHORT_FORM.rotations} parallel PATCHes rotating one agent's key`, () => {
  let run: RotationRun;
  let workspaceId: string;
  let agentId: string;

  beforeAll(async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    workspaceId = workspace.id;
    agentId = workspace.agentIds[0]!;
    const token = workspace.tokens.OWNER;
    const startKey = await registeredKey();
    await api.client.send(`/agents/${agentId}`, {
      method: 'PATCH',
      token,
      body: byoPatch(startKey),
    });
    const keys = await Promise.all(
      Array.from({ length: SHORT_FORM.rotations }, () => registeredKey()),
    );

    run = await runParallelRotations(api.client, { token, agentId, startKey, keys });
  }, 60_000);

  it('ends consistent: each answer 200 or 409, each acknowledged write audited exactly once', () => {
    expect(rotationViolations(run)).toEqual([]);
  });

  it('leaves AWSCURRENT on the version the agent names, holding the last acknowledged key', async () => {
    const item = await agentItem(workspaceId, agentId);

    const current = await currentVersionId(item?.byoKeySecretArn);

    expect(current).toBe(item?.byoKeySecretVersionId);
    expect(await secretValue(item?.byoKeySecretArn, current ?? '')).toBe(
      run.accepted.at(-1)?.apiKey,
    );
  });
});

describe(`${SHORT_FORM.agentCalls} parallel agent calls across ${SHORT_FORM.agents} agents at tight caps`, () => {
  let runs: AgentCalls[];

  beforeAll(async () => {
    const workspace = await seedTestWorkspace({
      roles: ['OWNER', 'MEMBER'],
      agents: SHORT_FORM.agents,
    });
    const capCents = capFor(RESERVATIONS_PER_CAP);
    for (const agentId of workspace.agentIds) {
      const patched = await api.client.send(`/agents/${agentId}`, {
        method: 'PATCH',
        token: workspace.tokens.OWNER,
        body: { dailySpendCapCents: capCents },
      });
      expect(patched.status).toBe(200);
    }

    runs = await runParallelCalls(api.client, {
      token: workspace.tokens.MEMBER,
      agents: workspace.agentIds.map((agentId) => ({ agentId, capCents })),
      total: SHORT_FORM.agentCalls,
    });
  }, 90_000);

  it('settles no agent above its cap, and the API, the books and Anthropic agree call for call', async () => {
    expect(callViolations(runs, await emulator().calls())).toEqual([]);
  });

  it('meets the caps: some calls are refused, and each agent serves at least what fits at once', () => {
    const answers = runs.flatMap((run) => run.calls.map(({ response }) => response.status));
    const served = runs.map((run) => run.calls.filter(({ response }) => response.status === 200));

    expect(answers).toHaveLength(SHORT_FORM.agentCalls);
    expect(answers.filter((status) => status === 429).length).toBeGreaterThan(0);
    for (const calls of served) {
      expect(calls.length).toBeGreaterThanOrEqual(Math.floor(RESERVATIONS_PER_CAP));
    }
  });
});
