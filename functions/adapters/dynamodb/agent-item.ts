import type { Agent, ByoKeyReference } from '../../domain/agents/agent.js';

/** Keys of the agent items; see docs/data-model.md. */
export const agentKey = (workspaceId: string, agentId: string) => ({
  pk: `WS#${workspaceId}`,
  sk: `AGENT#${agentId}`,
});

export const AGENT_SK_PREFIX = 'AGENT#';

export type AgentItem = Record<string, unknown>;

/** Flattens an agent into its item. The BYO key reference becomes `byoKey*` attributes. */
export function toAgentItem(agent: Agent): AgentItem {
  const { byoKey, ...settings } = agent;
  return {
    ...agentKey(agent.workspaceId, agent.id),
    ...settings,
    ...(byoKey ? byoKeyAttributes(byoKey) : {}),
  };
}

function byoKeyAttributes(key: ByoKeyReference): AgentItem {
  return {
    byoKeySecretId: key.secretId,
    byoKeySecretArn: key.secretArn,
    byoKeySecretVersionId: key.secretVersionId,
    byoKeyHint: key.hint,
    byoKeyFingerprint: key.fingerprint,
    byoKeyValidatedAt: key.validatedAt,
    byoKeyStatus: key.status,
  };
}

function byoKeyOf(item: AgentItem): ByoKeyReference | undefined {
  if (typeof item.byoKeySecretArn !== 'string') return undefined;
  return {
    secretId: item.byoKeySecretId as string,
    secretArn: item.byoKeySecretArn,
    secretVersionId: item.byoKeySecretVersionId as string,
    hint: item.byoKeyHint as string,
    fingerprint: item.byoKeyFingerprint as string,
    validatedAt: item.byoKeyValidatedAt as string,
    status: item.byoKeyStatus as ByoKeyReference['status'],
  };
}

/** Rebuilds an agent from its item, dropping storage-only attributes such as the key lock. */
export function fromAgentItem(item: AgentItem): Agent {
  const byoKey = byoKeyOf(item);
  return {
    id: item.id as string,
    workspaceId: item.workspaceId as string,
    name: item.name as string,
    llmProvider: item.llmProvider as Agent['llmProvider'],
    llmModel: item.llmModel as string,
    dailySpendCapCents: item.dailySpendCapCents as number,
    promptCacheTtl: (item.promptCacheTtl as Agent['promptCacheTtl']) ?? '5m',
    version: item.version as number,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    ...(byoKey ? { byoKey } : {}),
  };
}
