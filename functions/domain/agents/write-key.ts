import { newId } from '../../shared/ids.js';
import { logger } from '../../shared/logger.js';
import type { VerifiedKey } from '../keys/verify-new-key.js';
import { type Agent, BYO_KEY_STATUS, type ByoKeyReference } from './agent.js';
import type { KeyAction } from './plan-update.js';
import type { KeyVault } from './ports.js';

/** A vault write not yet acknowledged: how to take it back, and what to do once it is committed. */
export interface PendingKeyWrite {
  readonly reference: ByoKeyReference | undefined;
  readonly undo: () => Promise<void>;
  readonly afterCommit: () => Promise<void>;
}

const nothing = async () => {};

/**
 * Performs the vault side of a key change, before the agent is committed:
 * a new secret for a first key (under a fresh name, since Secrets Manager may
 * keep a just-deleted name reserved for a while), a new version for a
 * rotation, and for a revert nothing until the agent no longer points at it.
 */
export async function writeKey(
  vault: KeyVault,
  agent: Agent,
  action: KeyAction,
  verifiedKey: VerifiedKey | undefined,
): Promise<PendingKeyWrite> {
  const current = agent.byoKey;
  if (action === 'revert' && current) {
    return {
      reference: undefined,
      undo: nothing,
      afterCommit: () => deleteQuietly(vault, agent, current.secretArn),
    };
  }
  if (!verifiedKey || (action !== 'set' && action !== 'rotate')) {
    return { reference: current, undo: nothing, afterCommit: nothing };
  }
  if (action === 'rotate' && current) return rotate(vault, agent, current, verifiedKey);
  return createFirst(vault, agent, verifiedKey);
}

function referenceFor(
  key: VerifiedKey,
  secret: { secretId: string; secretArn: string; versionId: string },
): ByoKeyReference {
  return {
    secretId: secret.secretId,
    secretArn: secret.secretArn,
    secretVersionId: secret.versionId,
    hint: key.hint,
    fingerprint: key.fingerprint,
    validatedAt: key.validatedAt,
    status: BYO_KEY_STATUS.valid,
  };
}

async function createFirst(
  vault: KeyVault,
  agent: Agent,
  key: VerifiedKey,
): Promise<PendingKeyWrite> {
  const secretId = newId('sec');
  const created = await vault.createKeySecret({
    workspaceId: agent.workspaceId,
    agentId: agent.id,
    secretId,
    apiKey: key.apiKey,
  });
  return {
    reference: referenceFor(key, { secretId, ...created }),
    undo: () => deleteQuietly(vault, agent, created.secretArn),
    afterCommit: nothing,
  };
}

async function rotate(
  vault: KeyVault,
  agent: Agent,
  current: ByoKeyReference,
  key: VerifiedKey,
): Promise<PendingKeyWrite> {
  const { versionId } = await vault.putKeyVersion(current.secretArn, key.apiKey);
  const restore = async () => {
    try {
      await vault.restoreVersion(current.secretArn, current.secretVersionId, versionId);
    } catch (error) {
      // Calls read the version the agent names, so the old key keeps working;
      // only the console's AWSCURRENT label is off until the next rotation.
      logger.error('secret version restore failed', { agentId: agent.id, error: error as Error });
    }
  };
  const secret = { secretId: current.secretId, secretArn: current.secretArn, versionId };
  return { reference: referenceFor(key, secret), undo: restore, afterCommit: nothing };
}

/** Deletes a secret no agent points at; a failure leaves it to the daily sweep. */
async function deleteQuietly(vault: KeyVault, agent: Agent, secretArn: string): Promise<void> {
  try {
    await vault.deleteSecret(secretArn);
  } catch (error) {
    logger.warn('secret delete failed; left to the daily sweep', {
      agentId: agent.id,
      error: error as Error,
    });
  }
}
