import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { ByoKeyReference } from '../../domain/agents/agent.js';
import type { CredentialProvider, LlmCredential } from '../../domain/gateway/ports.js';
import { ServiceError } from '../../shared/errors.js';
import { secretsManager } from '../aws-clients.js';
import { awsErrorName, callAws, dependencyFailure } from '../aws-failure.js';
import { VersionCache } from './version-cache.js';

/** How long a warm function trusts its copy of the hosted key before reading it again. */
export const HOSTED_KEY_CACHE_MS = 5 * 60_000;

const hostedKeyMissing = () =>
  new ServiceError('hosted_key_missing', 'Hosted Anthropic calls are not set up yet; retry later', {
    retryAfterSeconds: 60,
  });

/**
 * Keys from Secrets Manager, cached in memory. A BYO key is read by the exact
 * version the agent names, so the cache can keep it for the life of the
 * function: a rotation names a new version and takes effect on the next call.
 */
export function credentialProvider(hostedSecretId: string): CredentialProvider {
  const byoKeys = new VersionCache<string>(500);
  let hosted: { apiKey: string; readAtMs: number } | undefined;

  return {
    async hosted(): Promise<LlmCredential> {
      if (!hosted || Date.now() - hosted.readAtMs > HOSTED_KEY_CACHE_MS) {
        hosted = { apiKey: await readHostedKey(hostedSecretId), readAtMs: Date.now() };
      }
      return { source: 'hosted', apiKey: hosted.apiKey };
    },

    async byo(key: ByoKeyReference): Promise<LlmCredential> {
      const cacheKey = `${key.secretArn}#${key.secretVersionId}`;
      const cached = byoKeys.get(cacheKey);
      if (cached !== undefined) return { source: 'byo', apiKey: cached };

      const apiKey = await readVersion(key);
      byoKeys.set(cacheKey, apiKey);
      return { source: 'byo', apiKey };
    },
  };
}

async function readHostedKey(secretId: string): Promise<string> {
  try {
    // AWSCURRENT is the default, but moto 5 may answer with a stale version
    // after a stage move unless it is asked for explicitly.
    const result = await secretsManager.send(
      new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT' }),
    );
    if (!result.SecretString?.trim()) throw hostedKeyMissing();
    return result.SecretString.trim();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    // An empty secret (created by the stack, not yet put by an operator) has no AWSCURRENT value.
    if (awsErrorName(error) === 'ResourceNotFoundException') throw hostedKeyMissing();
    throw dependencyFailure('read hosted key', error);
  }
}

async function readVersion(key: ByoKeyReference): Promise<string> {
  const result = await callAws('read agent key', () =>
    secretsManager.send(
      new GetSecretValueCommand({ SecretId: key.secretArn, VersionId: key.secretVersionId }),
    ),
  );
  return result.SecretString ?? '';
}
