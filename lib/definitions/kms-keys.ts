/**
 * The stack's customer-managed KMS keys, as plain data shared by the CDK stack
 * and the local stack.
 */
export interface KmsKeyDefinition {
  readonly id: 'VaultKey' | 'FingerprintKey';
  readonly description: string;
  readonly keySpec: 'SYMMETRIC_DEFAULT' | 'HMAC_256';
  readonly keyUsage: 'ENCRYPT_DECRYPT' | 'GENERATE_VERIFY_MAC';
  /** KMS rotates symmetric encryption keys yearly; HMAC keys cannot be rotated. */
  readonly rotation: boolean;
}

/** Encrypts every secret in the workspace vault and the hosted key. */
export const VAULT_KEY: KmsKeyDefinition = {
  id: 'VaultKey',
  description: 'Encrypts workspace vault secrets (customer Anthropic keys) and the hosted key',
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  rotation: true,
};

/**
 * Computes keyed fingerprints of customer keys inside KMS, so a leaked key can
 * be matched to the agents that use it while the HMAC secret never leaves KMS.
 */
export const FINGERPRINT_KEY: KmsKeyDefinition = {
  id: 'FingerprintKey',
  description: 'HMAC key for fingerprints of customer Anthropic keys',
  keySpec: 'HMAC_256',
  keyUsage: 'GENERATE_VERIFY_MAC',
  rotation: false,
};

export const KMS_KEYS: readonly KmsKeyDefinition[] = [VAULT_KEY, FINGERPRINT_KEY];
