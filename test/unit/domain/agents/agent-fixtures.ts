import {
  type Agent,
  type ByoKeyReference,
  LLM_PROVIDER,
} from '../../../../functions/domain/agents/agent.js';

export const HOSTED_MODELS = ['claude-sonnet-4-5', 'claude-haiku-4-5'] as const;

/** A key reference as the vault leaves it; `version` tells references apart. */
export function keyReference(version: string, hint = 'sk-ant-****abcd'): ByoKeyReference {
  return {
    secretId: 'sec_00000000000000000001',
    secretArn: `arn:aws:secretsmanager:eu-west-1:000000000000:secret:workspace-vault/ws_1-${version}`,
    secretVersionId: `version-${version}`,
    hint,
    fingerprint: `fingerprint-${version}`,
    validatedAt: '2026-01-01T00:00:00.000Z',
    status: 'VALID',
  };
}

/** A hosted agent on an allowed model, changed by `overrides`. */
export function hostedAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'agt_00000000000000000001',
    workspaceId: 'ws_00000000000000000001',
    name: 'Support bot',
    llmProvider: LLM_PROVIDER.hosted,
    llmModel: 'claude-sonnet-4-5',
    dailySpendCapCents: 1000,
    promptCacheTtl: '5m',
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

/** A BYO agent with a key on record, on a model outside the hosted allow-list. */
export function byoAgent(overrides: Partial<Agent> = {}): Agent {
  return hostedAgent({
    llmProvider: LLM_PROVIDER.byo,
    llmModel: 'claude-opus-4-1',
    byoKey: keyReference('1'),
    ...overrides,
  });
}
