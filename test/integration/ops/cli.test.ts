import { describe, expect, it } from 'vitest';
import { ENV } from '../../../functions/shared/environment.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
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

  it('names the variables a stage lacks', async () => {
    const saved = process.env[ENV.countersTable];
    delete process.env[ENV.countersTable];
    try {
      const result = await ops(['--stage', 'dev', 'capped']);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /^ops capped: Missing COUNTERS_TABLE_NAME: pass --environment-file with the environment of one of the AgentLlmCredentials-dev functions/,
      );
    } finally {
      process.env[ENV.countersTable] = saved;
    }
  });

  it("runs against a stage from a function's environment file, warning of names not the stage's", async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const variables = { ...localStack().functionEnvironment, [ENV.vaultPrefix]: stack.vaultPrefix };
    const environmentFile = await stack.jsonFile({ Environment: { Variables: variables } });

    const result = await ops([
      '--stage',
      'prod',
      '--environment-file',
      environmentFile,
      'agent',
      workspace.agentIds[0]!,
      '--json',
    ]);

    expect(result.exitCode).toBe(0);
    expect(result.json().agent).toMatchObject({
      id: workspace.agentIds[0],
      workspaceId: workspace.id,
    });
    expect(result.stderr).toContain('is not named after stack AgentLlmCredentials-prod');
    expect(result.stderr).toContain('warning: AWS_ENDPOINT_URL is set');
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
