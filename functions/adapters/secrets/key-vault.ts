import {
  CreateSecretCommand,
  DeleteSecretCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import type { KeyVault } from '../../domain/agents/ports.js';
import { secretsManager } from '../aws-clients.js';
import { awsErrorName, callAws, dependencyFailure } from '../aws-failure.js';
import { SECRET_KIND, vaultSecretName, vaultSecretTags } from './secret-names.js';

export interface VaultSettings {
  readonly prefix: string;
  readonly kmsKeyId: string;
}

/**
 * Customer keys in Secrets Manager. Write-only by construction: it has no way
 * to read a value, and the function that uses it has no permission to.
 */
export function keyVault(settings: VaultSettings): KeyVault {
  return {
    async createKeySecret({ workspaceId, agentId, secretId, apiKey }) {
      const kind = SECRET_KIND.anthropicApiKey;
      const created = await callAws('create secret', () =>
        secretsManager.send(
          new CreateSecretCommand({
            Name: vaultSecretName({
              prefix: settings.prefix,
              workspaceId,
              kind,
              ownerId: agentId,
              secretId,
            }),
            Description: `Anthropic API key of agent ${agentId} (customer-owned)`,
            KmsKeyId: settings.kmsKeyId,
            SecretString: apiKey,
            Tags: vaultSecretTags({ workspaceId, agentId, kind, secretId }),
          }),
        ),
      );
      return { secretArn: created.ARN ?? '', versionId: created.VersionId ?? '' };
    },

    async putKeyVersion(secretArn, apiKey) {
      const put = await callAws('put secret version', () =>
        secretsManager.send(
          new PutSecretValueCommand({ SecretId: secretArn, SecretString: apiKey }),
        ),
      );
      return { versionId: put.VersionId ?? '' };
    },

    async restoreVersion(secretArn, versionId, failedVersionId) {
      await callAws('restore secret version', () =>
        secretsManager.send(
          new UpdateSecretVersionStageCommand({
            SecretId: secretArn,
            VersionStage: 'AWSCURRENT',
            MoveToVersionId: versionId,
            RemoveFromVersionId: failedVersionId,
          }),
        ),
      );
    },

    async deleteSecret(secretArn) {
      try {
        await secretsManager.send(
          new DeleteSecretCommand({ SecretId: secretArn, ForceDeleteWithoutRecovery: true }),
        );
      } catch (error) {
        if (awsErrorName(error) === 'ResourceNotFoundException') return;
        throw dependencyFailure('delete secret', error);
      }
    },
  };
}
