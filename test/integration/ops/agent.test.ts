import { describe, expect, it } from 'vitest';
import { utcDay } from '../../../functions/domain/spend/utc-day.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { callAgent, patchAgent, setByoKey } from './helpers/agents.js';
import { hintOf, plaintextPiecesOf, registeredKey } from './helpers/keys.js';
import { addReservation, dayItem } from './helpers/moto.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';

describe('ops agent', () => {
  const stack = useOpsStack();

  /** A BYO agent that made one call today and has one more in flight. */
  async function busyByoAgent() {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const agentId = workspace.agentIds[0]!;
    const apiKey = await registeredKey();
    await setByoKey(stack.url, workspace.tokens.OWNER, agentId, apiKey);
    expect((await callAgent(stack.url, workspace.tokens.OWNER, agentId)).status).toBe(200);
    const callId = await addReservation(agentId, utcDay(new Date()), 250_000);
    return { workspace, agentId, apiKey, callId };
  }

  it("shows the settings, the key's hint and status, today's spend and the audit events", async () => {
    const { workspace, agentId, apiKey, callId } = await busyByoAgent();
    const stored = await dayItem(agentId, utcDay(new Date()));

    const result = await ops(['agent', agentId, '--json', ...(await stack.stackFileArgs())]);

    expect(result.exitCode).toBe(0);
    const report = result.json();
    expect(report.agent).toMatchObject({
      id: agentId,
      workspaceId: workspace.id,
      llmProvider: 'BYO_ANTHROPIC',
      llmModel: 'claude-opus-4-7',
      dailySpendCapCents: 1000,
      promptCacheTtl: '5m',
      version: expect.any(Number),
    });
    expect(report.key).toMatchObject({
      hint: hintOf(apiKey),
      status: 'VALID',
      validatedAt: expect.any(String),
    });
    expect(report.spend).toMatchObject({
      day: utcDay(new Date()),
      spentMicroCents: stored?.spentMicroCents,
      spentCents: Math.ceil(Number(stored?.spentMicroCents) / 1_000_000),
      reservedMicroCents: 250_000,
      calls: 1,
      capCents: 1000,
      inFlight: [{ callId, microCents: 250_000, reservedAt: expect.any(String) }],
    });
    expect(report.auditEvents.map((event: { type: string }) => event.type)).toEqual([
      'AGENT_UPDATED',
    ]);
    for (const piece of plaintextPiecesOf(apiKey)) expect(result.stdout).not.toContain(piece);
  });

  it('prints the same report as aligned sections for people', async () => {
    const { agentId, apiKey, callId } = await busyByoAgent();

    const result = await ops(['agent', agentId, ...(await stack.stackFileArgs())]);

    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Agent ${agentId}`);
    expect(lines).toContain('  provider          BYO_ANTHROPIC');
    expect(lines).toContain(`  hint          ${hintOf(apiKey)}`);
    expect(lines).toContain('  calls in flight   1');
    expect(lines.some((line) => line.startsWith(`    ${callId}  250000 µ¢`))).toBe(true);
    expect(lines.some((line) => line.includes('AGENT_UPDATED'))).toBe(true);
    for (const piece of plaintextPiecesOf(apiKey)) expect(result.stdout).not.toContain(piece);
  });

  it('reads the agent directly with --workspace and shows its 10 latest events, newest first', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const agentId = workspace.agentIds[0]!;
    for (let index = 1; index <= 12; index += 1) {
      await patchAgent(stack.url, workspace.tokens.OWNER, agentId, { name: `Name ${index}` });
    }

    const result = await ops([
      'agent',
      agentId,
      '--workspace',
      workspace.id,
      '--json',
      ...(await stack.stackFileArgs()),
    ]);

    expect(result.exitCode).toBe(0);
    const { agent, key, auditEvents } = result.json();
    expect(agent).toMatchObject({ name: 'Name 12', llmProvider: 'HOSTED_ANTHROPIC' });
    expect(key).toBeUndefined();
    expect(
      auditEvents.map((event: { changes: { name: { to: string } } }) => event.changes.name.to),
    ).toEqual(Array.from({ length: 10 }, (_, index) => `Name ${12 - index}`));
  });

  it('fails with one line and exit code 1 for an agent that does not exist', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });

    const result = await ops([
      'agent',
      'agt_00000000000000000000',
      '--workspace',
      workspace.id,
      ...(await stack.stackFileArgs()),
    ]);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `ops agent: no agent agt_00000000000000000000 in workspace ${workspace.id}\n`,
    );
  });
});
