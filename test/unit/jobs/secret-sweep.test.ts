import { describe, expect, it } from 'vitest';
import { vaultKeySecretOf } from '../../../functions/adapters/secrets/sweep-vault-secrets.js';
import { isSweepCandidate } from '../../../functions/domain/jobs/sweep-secrets.js';

const HOUR_MS = 3_600_000;
const nowMs = Date.parse('2026-03-02T00:00:00Z');
const owned = { arn: 'arn:1', name: 'v/ws_1/anthropic-api-key/agt_1/sec_1' };

const entry = (overrides: Record<string, unknown> = {}) => ({
  ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:v/ws_1/anthropic-api-key/agt_1/sec_1-AbCdEf',
  Name: 'v/ws_1/anthropic-api-key/agt_1/sec_1',
  CreatedDate: new Date(nowMs - HOUR_MS),
  Tags: [
    { Key: 'workspace-id', Value: 'ws_1' },
    { Key: 'agent-id', Value: 'agt_1' },
    { Key: 'kind', Value: 'anthropic-api-key' },
    { Key: 'secret-id', Value: 'sec_1' },
  ],
  ...overrides,
});

describe('sweep candidates', () => {
  it('takes an owned secret exactly the minimum age old', () => {
    const secret = { ...owned, createdAtMs: nowMs - HOUR_MS, workspaceId: 'w', agentId: 'a' };

    expect(isSweepCandidate(secret, nowMs, HOUR_MS)).toBe(true);
  });

  it('spares a secret a moment younger than the minimum age', () => {
    const secret = { ...owned, createdAtMs: nowMs - HOUR_MS + 1, workspaceId: 'w', agentId: 'a' };

    expect(isSweepCandidate(secret, nowMs, HOUR_MS)).toBe(false);
  });

  it('spares an old secret that does not name its owner', () => {
    const noAgent = { ...owned, createdAtMs: 0, workspaceId: 'w' };
    const noWorkspace = { ...owned, createdAtMs: 0, agentId: 'a' };

    expect(isSweepCandidate(noAgent, nowMs, HOUR_MS)).toBe(false);
    expect(isSweepCandidate(noWorkspace, nowMs, HOUR_MS)).toBe(false);
  });
});

describe('listed vault secrets', () => {
  it('reads the owner and creation time from the metadata', () => {
    const secret = vaultKeySecretOf(entry(), 'v/');

    expect(secret).toEqual({
      arn: entry().ARN,
      name: entry().Name,
      createdAtMs: nowMs - HOUR_MS,
      workspaceId: 'ws_1',
      agentId: 'agt_1',
    });
  });

  it('skips a secret of another kind', () => {
    const webhook = entry({ Tags: [{ Key: 'kind', Value: 'webhook-secret' }] });
    const untagged = entry({ Tags: undefined });

    expect(vaultKeySecretOf(webhook, 'v/')).toBeUndefined();
    expect(vaultKeySecretOf(untagged, 'v/')).toBeUndefined();
  });

  it('skips a secret outside the prefix, even one a loose filter let through', () => {
    const sibling = entry({ Name: 'v-other/ws_1/anthropic-api-key/agt_1/sec_1' });
    const otherCase = entry({ Name: 'V/ws_1/anthropic-api-key/agt_1/sec_1' });

    expect(vaultKeySecretOf(sibling, 'v/')).toBeUndefined();
    expect(vaultKeySecretOf(otherCase, 'v/')).toBeUndefined();
  });

  it('skips an entry without a creation time, so its age is never guessed', () => {
    const undated = entry({ CreatedDate: undefined });

    expect(vaultKeySecretOf(undated, 'v/')).toBeUndefined();
  });
});
