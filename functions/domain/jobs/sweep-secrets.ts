import { forEachBounded, ITEM_CONCURRENCY } from './for-each-bounded.js';
import type { CapResetCounts, CapResetDeps, VaultKeySecret } from './ports.js';

/** An hour: far beyond the longest key change (15 s), so a key being set is never swept. */
export const DEFAULT_MIN_SECRET_AGE_SECONDS = 3600;

/**
 * Whether a secret is old enough and names its owner. A secret without owner
 * tags was not written by this service and is left alone.
 */
export function isSweepCandidate(
  secret: VaultKeySecret,
  nowMs: number,
  minAgeMs: number,
): secret is VaultKeySecret & { workspaceId: string; agentId: string } {
  const oldEnough = nowMs - secret.createdAtMs >= minAgeMs;
  return oldEnough && Boolean(secret.workspaceId) && Boolean(secret.agentId);
}

/**
 * Deletes key secrets no agent points at: left behind when a key change
 * failed between writing the secret and committing the agent, or when the
 * delete after a key removal failed. Age is measured on the real clock, not
 * the scheduled time, since what it guards against is a write happening now.
 */
export async function sweepOrphanedSecrets(
  deps: CapResetDeps,
  counts: CapResetCounts,
): Promise<void> {
  const nowMs = deps.now().getTime();
  const secrets = await deps.secrets.keySecrets();
  const candidates = secrets.filter((secret) =>
    isSweepCandidate(secret, nowMs, deps.minSecretAgeMs),
  );

  await forEachBounded(candidates, ITEM_CONCURRENCY, async (secret) => {
    const inUseArn = await deps.secrets.agentKeySecretArn(secret.workspaceId, secret.agentId);
    if (inUseArn === secret.arn) return;
    if (await deps.secrets.deleteSecret(secret.arn)) counts.secretsSwept += 1;
  });
}
