import { describe, expect, it } from 'vitest';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { localStack } from '../../support/local-api.js';
import { callAgent, patchAgent, setByoKey } from './helpers/agents.js';
import { plaintextPiecesOf, registeredKey } from './helpers/keys.js';
import { dayAfter, farPastDay } from './helpers/moto.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';

describe('ops output', () => {
  const stack = useOpsStack();

  it('never contains a key, whichever command runs and in either format', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [rotated, capped] = workspace.agentIds as [string, string];
    const firstKey = await registeredKey();
    const secondKey = await registeredKey();
    await setByoKey(stack.url, workspace.tokens.OWNER, rotated, firstKey);
    await patchAgent(stack.url, workspace.tokens.OWNER, rotated, { byoApiKey: secondKey });
    await setByoKey(stack.url, workspace.tokens.OWNER, capped, secondKey);
    await patchAgent(stack.url, workspace.tokens.OWNER, capped, { dailySpendCapCents: 0 });
    expect((await callAgent(stack.url, workspace.tokens.OWNER, capped)).status).toBe(429);
    const files = await stack.stackFileArgs();
    // A far-past run: today's would reset other files' agents and release their calls' reservations.
    const scheduledTime = `${dayAfter(farPastDay())}T00:00:00Z`;

    const runs = await Promise.all(
      [[], ['--json']].flatMap((format) => [
        ops(['agent', rotated, ...format, ...files]),
        ops(['agent', capped, '--workspace', workspace.id, ...format, ...files]),
        ops(['capped', ...format, ...files]),
        ops(['find-key', ...format, ...files], { stdin: secondKey }),
        ops(['find-key', ...format, ...files], { stdin: firstKey }),
        ops(['sweep-secrets', ...format, ...files]),
      ]),
    );
    const replay = await ops(['redrive-reset', '--scheduled-time', scheduledTime, ...files]);

    const printed = [...runs, replay].map((run) => run.stdout + run.stderr).join('\n');
    expect([...runs, replay].map((run) => run.exitCode)).toEqual(new Array(13).fill(0));
    expect(printed).toContain(`sk-ant-****${secondKey.slice(-4)}`);
    const keys = [firstKey, secondKey, localStack().hostedApiKey];
    for (const piece of keys.flatMap(plaintextPiecesOf)) expect(printed).not.toContain(piece);
  });

  it('masks a key that reaches the output anyway, such as one pasted into an agent name', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const agentId = workspace.agentIds[0]!;
    const pastedKey = (await registeredKey()).slice(0, 100);
    await patchAgent(stack.url, workspace.tokens.OWNER, agentId, { name: pastedKey });
    const files = await stack.stackFileArgs();

    const runs = [
      await ops(['agent', agentId, ...files]),
      await ops(['agent', agentId, '--json', ...files]),
    ];

    expect(runs.map((run) => run.exitCode)).toEqual([0, 0]);
    const printed = runs.map((run) => run.stdout).join('\n');
    expect(printed).toContain(`sk-ant-****${pastedKey.slice(-4)}`);
    for (const piece of plaintextPiecesOf(pastedKey)) expect(printed).not.toContain(piece);
  });
});
