import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { NO_BUNDLING, PROD, synthesize } from './support/synth.js';

const { stack, template } = synthesize({ ...PROD, ...NO_BUNDLING });

describe('KeyVault (prod)', () => {
  it('rotates the symmetric vault key and retains it', () => {
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        EnableKeyRotation: true,
      },
    });
  });

  it('makes the fingerprint key an HMAC key without rotation, retained', () => {
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySpec: 'HMAC_256',
        KeyUsage: 'GENERATE_VERIFY_MAC',
        EnableKeyRotation: false,
      },
    });
  });

  it('creates the hosted-key secret empty, under the vault key', () => {
    const vaultKeyId = stack.resolve(stack.vault.vaultKey.keyArn);

    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: {
        Name: 'prod/platform/anthropic/hosted-api-key',
        KmsKeyId: vaultKeyId,
        SecretString: Match.absent(),
        GenerateSecretString: Match.absent(),
      },
    });
  });

  it('creates no other secret: workspace secrets are made at run time', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });

  it('names both keys with stage-prefixed aliases', () => {
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/prod-agent-llm/vault-key',
    });
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/prod-agent-llm/fingerprint-key',
    });
  });

  it('limits the vault ARN pattern to secrets under the vault prefix', () => {
    const pattern = stack.resolve(stack.vault.vaultSecretsArnPattern);

    expect(pattern).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':secretsmanager:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':secret:prod/workspace-vault/*',
        ],
      ],
    });
  });
});
