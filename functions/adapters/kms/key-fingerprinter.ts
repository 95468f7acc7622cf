import { GenerateMacCommand } from '@aws-sdk/client-kms';
import type { KeyFingerprinter } from '../../domain/agents/ports.js';
import { kms } from '../aws-clients.js';
import { callAws } from '../aws-failure.js';

/**
 * Keyed fingerprints computed inside KMS with an HMAC key: the same key always
 * gives the same fingerprint, so a leaked key can be matched to its agents,
 * while nobody holding the tables alone can test guesses against it.
 */
export function keyFingerprinter(hmacKeyId: string): KeyFingerprinter {
  return {
    async fingerprint(apiKey) {
      const result = await callAws('fingerprint key', () =>
        kms.send(
          new GenerateMacCommand({
            KeyId: hmacKeyId,
            MacAlgorithm: 'HMAC_SHA_256',
            Message: Buffer.from(apiKey, 'utf8'),
          }),
        ),
      );
      return `hmac-sha256:${Buffer.from(result.Mac ?? new Uint8Array()).toString('base64url')}`;
    },
  };
}
