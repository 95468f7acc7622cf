import { describe, expect, it } from 'vitest';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { setByoKey } from './helpers/agents.js';
import { hintOf, plaintextPiecesOf, registeredKey } from './helpers/keys.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';

describe('ops find-key', () => {
  const stack = useOpsStack();

  it('lists exactly the agents, across workspaces, whose key was piped in', async () => {
    const first = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const second = await seedTestWorkspace({ roles: ['OWNER'], agents: 1 });
    const [sharedInFirst, otherInFirst] = first.agentIds as [string, string];
    const sharedInSecond = second.agentIds[0]!;
    const leaked = await registeredKey();
    const otherKey = await registeredKey();
    await setByoKey(stack.url, first.tokens.OWNER, sharedInFirst, leaked);
    await setByoKey(stack.url, second.tokens.OWNER, sharedInSecond, leaked);
    await setByoKey(stack.url, first.tokens.OWNER, otherInFirst, otherKey);

    const result = await ops(['find-key', '--json', ...(await stack.stackFileArgs())], {
      stdin: `${leaked}\n`,
    });

    expect(result.exitCode).toBe(0);
    const expected = [
      { workspaceId: first.id, agentId: sharedInFirst, name: 'Agent 1', hint: hintOf(leaked) },
      { workspaceId: second.id, agentId: sharedInSecond, name: 'Agent 1', hint: hintOf(leaked) },
    ].sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
    expect(result.json()).toEqual({ keyHint: hintOf(leaked), agents: expected });
    const printed = result.stdout + result.stderr;
    for (const piece of plaintextPiecesOf(leaked)) expect(printed).not.toContain(piece);
  });

  it('trims the piped key and prints the agents as a table', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 1 });
    const agentId = workspace.agentIds[0]!;
    const apiKey = await registeredKey();
    await setByoKey(stack.url, workspace.tokens.OWNER, agentId, apiKey);

    const result = await ops(['find-key', ...(await stack.stackFileArgs())], {
      stdin: `\n  ${apiKey} \r\n`,
    });

    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `1 agent with the key ${hintOf(apiKey)}:`,
      expect.stringMatching(/^WORKSPACE +AGENT +NAME +HINT$/),
      `${workspace.id}  ${agentId}  Agent 1  ${hintOf(apiKey)}`,
      '',
    ]);
  });

  it('finds no agent for a key no agent uses', async () => {
    const apiKey = await registeredKey();

    const result = await ops(['find-key', '--json', ...(await stack.stackFileArgs())], {
      stdin: apiKey,
    });

    expect(result.exitCode).toBe(0);
    expect(result.json()).toEqual({ keyHint: hintOf(apiKey), agents: [] });
  });

  it('refuses to read the key from a terminal and says to pipe it', async () => {
    const result = await ops(['find-key', ...(await stack.stackFileArgs())], { stdin: 'tty' });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ops find-key: find-key reads the key from standard input: ' +
        'pipe the key in: npm run ops -- find-key < leaked.txt\n',
    );
  });

  it('refuses input no agent could hold as its key, without quoting it', async () => {
    const apiKey = await registeredKey();
    const broken = `${apiKey.slice(0, 50)} ${apiKey.slice(50)}`;

    const result = await ops(['find-key', ...(await stack.stackFileArgs())], { stdin: broken });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ops find-key: no agent can hold this input as its key: /);
    for (const piece of [broken, apiKey.slice(0, 50), apiKey.slice(50)]) {
      expect(result.stderr).not.toContain(piece);
    }
  });

  it('refuses a key given as an argument, where shell history would keep it', async () => {
    const apiKey = await registeredKey();

    const result = await ops(['find-key', apiKey, ...(await stack.stackFileArgs())], {
      stdin: apiKey,
    });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('ops find-key: wrong number of arguments; see `find-key --help`\n');
  });
});
