/** Workspace roles, from most to least privileged. */
export const ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the holder of an API token, within exactly one workspace. */
export interface Principal {
  readonly workspaceId: string;
  readonly userId: string;
  readonly role: Role;
}

/** Roles that may change an agent's provider, model, key or cap, and read its audit log. */
export const MANAGER_ROLES: readonly Role[] = ['OWNER', 'ADMIN'];

/** Roles that may make an agent call the LLM and rename it. VIEWER only ever reads. */
export const OPERATOR_ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'MEMBER'];

export function hasRole(principal: Principal, allowed: readonly Role[]): boolean {
  return allowed.includes(principal.role);
}
