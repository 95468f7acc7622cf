import { capResetStore } from '../../../functions/adapters/dynamodb/cap-reset-store.js';
import { agentKeySecretArn } from '../../../functions/adapters/dynamodb/sweep-agent-keys.js';
import { capResetConfig } from '../../../functions/adapters/jobs/cap-reset-config.js';
import {
  deleteVaultSecret,
  listVaultKeySecrets,
} from '../../../functions/adapters/secrets/sweep-vault-secrets.js';
import type { CapResetCounts, VaultKeySecret } from '../../../functions/domain/jobs/ports.js';
import { sweepOrphanedSecrets } from '../../../functions/domain/jobs/sweep-secrets.js';

/** A key secret no agent points at, old enough to be swept. */
export interface OrphanedSecret {
  readonly name: string;
  readonly arn: string;
  readonly workspaceId?: string;
  readonly agentId?: string;
  readonly createdAt: string;
  /** After `--apply`: true when deleted now, false when it was already gone. */
  readonly deleted?: boolean;
}

export interface SweepReport {
  readonly vaultPrefix: string;
  readonly minSecretAgeSeconds: number;
  readonly applied: boolean;
  /** Anthropic key secrets listed under the prefix, in use or not. */
  readonly listed: number;
  readonly orphans: readonly OrphanedSecret[];
}

/**
 * The daily job's sweep, step for step (`sweepOrphanedSecrets` with the
 * job's own adapters and settings), with its delete either recorded only
 * (dry run) or performed. Which secrets qualify is thus decided by the very
 * code that runs at midnight.
 */
export async function sweepSecrets(apply: boolean): Promise<SweepReport> {
  const config = capResetConfig();
  const listedSecrets = new Map<string, VaultKeySecret>();
  const orphans: OrphanedSecret[] = [];

  const deleteSecret = async (arn: string) => {
    const secret = listedSecrets.get(arn)!;
    const deleted = apply ? await deleteVaultSecret(arn) : undefined;
    orphans.push({
      name: secret.name,
      arn,
      workspaceId: secret.workspaceId,
      agentId: secret.agentId,
      createdAt: new Date(secret.createdAtMs).toISOString(),
      ...(deleted === undefined ? {} : { deleted }),
    });
    return deleted ?? true;
  };
  const keySecrets = async () => {
    const secrets = await listVaultKeySecrets(config.vaultPrefix);
    for (const secret of secrets) listedSecrets.set(secret.arn, secret);
    return secrets;
  };

  const counts: CapResetCounts = {
    capResets: 0,
    reservationsReleased: 0,
    microCentsReleased: 0,
    secretsSwept: 0,
  };
  await sweepOrphanedSecrets(
    {
      // Unused by the sweep; the type is the whole job's.
      spendDays: capResetStore,
      secrets: { keySecrets, agentKeySecretArn, deleteSecret },
      now: () => new Date(),
      minSecretAgeMs: config.minSecretAgeSeconds * 1000,
    },
    counts,
  );

  return {
    vaultPrefix: config.vaultPrefix,
    minSecretAgeSeconds: config.minSecretAgeSeconds,
    applied: apply,
    listed: listedSecrets.size,
    orphans: orphans.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
