import { CreateKeyCommand, EnableKeyRotationCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { KmsKeyDefinition } from '../../lib/definitions/kms-keys.js';

/**
 * Creates one customer-managed KMS key from its definition and returns its ARN.
 * Moto implements HMAC keys and GenerateMac, so fingerprints are computed the
 * same way as on AWS; rotation is recorded but never happens.
 */
export async function createKmsKey(client: KMSClient, key: KmsKeyDefinition): Promise<string> {
  const created = await client.send(
    new CreateKeyCommand({
      Description: key.description,
      KeySpec: key.keySpec,
      KeyUsage: key.keyUsage,
      Tags: [{ TagKey: 'logical-id', TagValue: key.id }],
    }),
  );
  const keyArn = created.KeyMetadata?.Arn;
  if (!keyArn) throw new Error(`KMS returned no ARN for ${key.id}`);

  if (key.rotation) {
    await client.send(new EnableKeyRotationCommand({ KeyId: keyArn }));
  }
  return keyArn;
}
