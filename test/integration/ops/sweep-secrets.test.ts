import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../functions/shared/environment.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import {
  createKeySecret,
  deleteCreatedSecrets,
  pointAgentAt,
  secretExists,
} from './helpers/moto.js';
import { ops } from './helpers/ops-run.js';
import { newVaultPrefix, useOpsStack } from './helpers/ops-stack.js';

/**
 * Moto stamps a secret's creation time in whole seconds and cannot backdate
 * it, so "old enough" is a few seconds here instead of the hour of production.
 */
const MIN_SECRET_AGE_SECONDS = 2;

describe('ops sweep-secrets', () => {
  const stack = useOpsStack();
  afterAll(deleteCreatedSecrets);

  /** A vault of its own: a secret in use, an old orphan, and an orphan too young to sweep. */
  async function vaultWithOrphans() {
    const vaultPrefix = newVaultPrefix();
    const workspace = await seedTestWorkspace({ roles: ['OWNER'], agents: 2 });
    const [byo, hosted] = workspace.agentIds as [string, string];
    const inUse = await createKeySecret(vaultPrefix, workspace.id, byo);
    await pointAgentAt(workspace.id, byo, inUse);
    const oldOrphan = await createKeySecret(vaultPrefix, workspace.id, hosted);
    await sleep((MIN_SECRET_AGE_SECONDS + 1) * 1000);
    const youngOrphan = await createKeySecret(vaultPrefix, workspace.id, hosted);

    const stackFileArgs = await stack.stackFileArgs({
      [ENV.vaultPrefix]: vaultPrefix,
      [ENV.sweepMinSecretAgeSeconds]: String(MIN_SECRET_AGE_SECONDS),
    });
    return { workspace, hosted, vaultPrefix, inUse, oldOrphan, youngOrphan, stackFileArgs };
  }

  it('lists the old orphaned secret in a dry run and deletes nothing', async () => {
    const vault = await vaultWithOrphans();

    const result = await ops(['sweep-secrets', '--json', ...vault.stackFileArgs]);

    expect(result.exitCode).toBe(0);
    expect(result.json()).toEqual({
      vaultPrefix: vault.vaultPrefix,
      minSecretAgeSeconds: MIN_SECRET_AGE_SECONDS,
      applied: false,
      listed: 3,
      orphans: [
        {
          name: expect.stringMatching(
            new RegExp(
              `^${vault.vaultPrefix}/${vault.workspace.id}/anthropic-api-key/${vault.hosted}/sec_`,
            ),
          ),
          arn: vault.oldOrphan,
          workspaceId: vault.workspace.id,
          agentId: vault.hosted,
          createdAt: expect.any(String),
        },
      ],
    });
    for (const arn of [vault.inUse, vault.oldOrphan, vault.youngOrphan]) {
      expect(await secretExists(arn)).toBe(true);
    }
  });

  it('deletes the old orphaned secret with --apply and keeps the others', async () => {
    const vault = await vaultWithOrphans();

    const result = await ops(['sweep-secrets', '--apply', ...vault.stackFileArgs]);

    expect(result.exitCode).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith(vault.vaultPrefix));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/ deleted$/);
    expect(result.stdout).not.toContain('Dry run');
    expect(await secretExists(vault.oldOrphan)).toBe(false);
    expect(await secretExists(vault.inUse)).toBe(true);
    expect(await secretExists(vault.youngOrphan)).toBe(true);
  });

  it('says how to apply after a dry run for people', async () => {
    const vault = await vaultWithOrphans();

    const result = await ops(['sweep-secrets', ...vault.stackFileArgs]);

    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `3 key secrets under ${vault.vaultPrefix}/, sweeping those no agent references and older than ${MIN_SECRET_AGE_SECONDS} s`,
    );
    expect(lines.filter((line) => line.endsWith(' would delete'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('Dry run: nothing was deleted. Run with --apply to delete.');
    expect(await secretExists(vault.oldOrphan)).toBe(true);
  });
});
