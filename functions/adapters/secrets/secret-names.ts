/** What a vault secret holds. Other kinds (data-source credentials, webhook secrets) share the vault. */
export const SECRET_KIND = { anthropicApiKey: 'anthropic-api-key' } as const;

/**
 * A vault secret's name: `<prefix>/<workspace>/<kind>/<owner>/<secret id>`.
 * Workspace first, so an operator can list or grant a workspace's secrets by
 * prefix; the secret id last, so that each new key gets a name never used before.
 */
export function vaultSecretName(input: {
  prefix: string;
  workspaceId: string;
  kind: string;
  ownerId: string;
  secretId: string;
}): string {
  return [input.prefix, input.workspaceId, input.kind, input.ownerId, input.secretId].join('/');
}

/** Tags that let operators and the daily sweep find a secret's owner without reading it. */
export function vaultSecretTags(input: {
  workspaceId: string;
  agentId: string;
  kind: string;
  secretId: string;
}) {
  return [
    { Key: 'workspace-id', Value: input.workspaceId },
    { Key: 'agent-id', Value: input.agentId },
    { Key: 'kind', Value: input.kind },
    { Key: 'secret-id', Value: input.secretId },
  ];
}
