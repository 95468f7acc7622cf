import { describe, expect, it } from 'vitest';
import { utcDay } from '../../../functions/domain/spend/utc-day.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { callAgent, patchAgent } from './helpers/agents.js';
import { farPastDay, putCappedDayItem } from './helpers/moto.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';

describe('ops capped', () => {
  const stack = useOpsStack();

  it('lists an agent refused today with its spend and cap, and not the agent that was not', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [capped, uncapped] = workspace.agentIds as [string, string];
    await patchAgent(stack.url, workspace.tokens.OWNER, capped, { dailySpendCapCents: 0 });
    expect((await callAgent(stack.url, workspace.tokens.OWNER, capped)).status).toBe(429);
    expect((await callAgent(stack.url, workspace.tokens.OWNER, uncapped)).status).toBe(200);

    const result = await ops(['capped', '--json', ...(await stack.stackFileArgs())]);

    expect(result.exitCode).toBe(0);
    const { day, agents } = result.json();
    expect(day).toBe(utcDay(new Date()));
    const ids = agents.map((agent: { agentId: string }) => agent.agentId);
    expect(ids).toContain(capped);
    expect(ids).not.toContain(uncapped);
    expect(agents.find((agent: { agentId: string }) => agent.agentId === capped)).toEqual({
      agentId: capped,
      workspaceId: workspace.id,
      name: 'Agent 1',
      spentCents: 0,
      reservedCents: 0,
      capCents: 0,
      cappedAt: expect.stringMatching(new RegExp(`^${utcDay(new Date())}T`)),
    });
  });

  it('lists exactly the agents refused on the --day asked for, as a table', async () => {
    const day = farPastDay();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 3 });
    const [first, second] = workspace.agentIds as [string, string];
    await putCappedDayItem(first, workspace.id, day);
    await putCappedDayItem(second, workspace.id, day);

    const result = await ops(['capped', '--day', day, ...(await stack.stackFileArgs())]);

    expect(result.exitCode).toBe(0);
    const [title, header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(title).toBe(`2 agents refused on ${day} (UTC)`);
    expect(header).toMatch(/^AGENT +WORKSPACE +NAME +SPENT ¢ +RESERVED ¢ +CAP ¢ +CAPPED AT/);
    expect(rows).toHaveLength(2);
    for (const agentId of [first, second]) {
      const row = rows.find((line) => line.startsWith(agentId));
      expect(row?.split(/ {2,}/)).toEqual([
        agentId,
        workspace.id,
        expect.stringMatching(/^Agent \d$/),
        '2',
        '0',
        '1000',
        `${day}T18:30:00.000Z`,
        '-',
      ]);
    }
  });

  it('says so when no agent was refused on the day', async () => {
    const result = await ops(['capped', '--day', farPastDay(), ...(await stack.stackFileArgs())]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^No agent was refused on \d{4}-\d{2}-\d{2} \(UTC\)\.\n$/);
  });

  it('refuses a --day that is not a calendar day, with one line and exit code 1', async () => {
    const result = await ops(['capped', '--day', '2026-02-30', ...(await stack.stackFileArgs())]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'ops capped: --day must be a UTC day as YYYY-MM-DD; got "2026-02-30"\n',
    );
  });
});
