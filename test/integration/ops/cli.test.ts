import { describe, expect, it } from 'vitest';
import { localStack } from '../../support/local-api.js';
import { ops } from './helpers/ops-run.js';
import { useOpsStack } from './helpers/ops-stack.js';

const COMMANDS = ['agent', 'capped', 'find-key', 'sweep-secrets', 'redrive-reset'];

describe('ops CLI', () => {
  const stack = useOpsStack();

  it('lists every command with --help and exits with 0', async () => {
    const result = await ops(['--help']);

    expect(result.exitCode).toBe(0);
    for (const command of COMMANDS)
      expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(COMMANDS)(
    'prints the help of %s with its usage and the global options',
    async (command) => {
      const result = await ops([command, '--help']);

      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ops -- ${command}`));
      expect(result.stdout).toContain('--stage dev|prod');
    },
  );

  it('fails with one line and exit code 1 for an unknown command or option', async () => {
    const unknownCommand = await ops(['agents']);
    const unknownOption = await ops(['capped', '--days', '2026-01-01']);

    expect(unknownCommand.exitCode).toBe(1);
    expect(unknownCommand.stderr).toBe(
      'ops agents: unknown command "agents"; commands: agent, capped, find-key, sweep-secrets, redrive-reset\n',
    );
    expect(unknownOption.exitCode).toBe(1);
    expect(unknownOption.stderr).toMatch(/^ops capped: Unknown option '--days'.*\n$/);
  });

  it('refuses a stage that does not exist', async () => {
    const result = await ops(['--stage', 'staging', 'capped']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('ops capped: --stage must be one of dev, prod; got "staging"\n');
  });

  it('says to start the local stack when nothing answers at its endpoint', async () => {
    const { region, functionEnvironment } = localStack();
    const nothing = 'http://127.0.0.1:9';
    const stackFile = await stack.jsonFile({
      awsEndpoint: nothing,
      anthropicBaseUrl: nothing,
      region,
      functionEnvironment,
    });

    const result = await ops(['capped', '--stack-file', stackFile]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'ops capped: Nothing answers at http://127.0.0.1:9: start the local stack with `npm start`\n',
    );
  });
});
