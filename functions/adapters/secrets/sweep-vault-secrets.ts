import {
  DeleteSecretCommand,
  ListSecretsCommand,
  type SecretListEntry,
} from '@aws-sdk/client-secrets-manager';
import type { VaultKeySecret } from '../../domain/jobs/ports.js';
import { secretsManager } from '../aws-clients.js';
import { awsErrorName, callAws, dependencyFailure } from '../aws-failure.js';
import { SECRET_KIND } from './secret-names.js';

const tagOf = (entry: SecretListEntry, key: string) =>
  entry.Tags?.find((tag) => tag.Key === key)?.Value;

/** A listed Anthropic key secret under the vault prefix; undefined for anything else. */
export function vaultKeySecretOf(
  entry: SecretListEntry,
  namePrefix: string,
): VaultKeySecret | undefined {
  const { ARN: arn, Name: name, CreatedDate: createdDate } = entry;
  if (!arn || !name?.startsWith(namePrefix) || !createdDate) return undefined;
  if (tagOf(entry, 'kind') !== SECRET_KIND.anthropicApiKey) return undefined;

  const workspaceId = tagOf(entry, 'workspace-id');
  const agentId = tagOf(entry, 'agent-id');
  return {
    arn,
    name,
    createdAtMs: createdDate.getTime(),
    ...(workspaceId ? { workspaceId } : {}),
    ...(agentId ? { agentId } : {}),
  };
}

/**
 * Every Anthropic key secret in the vault, from their metadata alone: the
 * sweep has no permission to read a value, and needs none. The name filter is
 * a case-sensitive prefix match on AWS and on moto alike; the prefix is
 * checked again here so that a looser filter could never widen the sweep.
 */
export async function listVaultKeySecrets(vaultPrefix: string): Promise<VaultKeySecret[]> {
  const namePrefix = `${vaultPrefix}/`;
  const secrets: VaultKeySecret[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('list secrets', () =>
      secretsManager.send(
        new ListSecretsCommand({
          Filters: [{ Key: 'name', Values: [namePrefix] }],
          MaxResults: 100,
          NextToken: nextToken,
        }),
      ),
    );
    for (const entry of page.SecretList ?? []) {
      const secret = vaultKeySecretOf(entry, namePrefix);
      if (secret) secrets.push(secret);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return secrets;
}

/** Deletes a secret at once, with no recovery window; false when it was already gone. */
export async function deleteVaultSecret(arn: string): Promise<boolean> {
  try {
    await secretsManager.send(
      new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: true }),
    );
    return true;
  } catch (error) {
    if (awsErrorName(error) === 'ResourceNotFoundException') return false;
    throw dependencyFailure('delete secret', error);
  }
}
