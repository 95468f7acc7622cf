import type { AuditEvent, AuditPage } from '../audit/audit-event.js';
import type { Agent } from './agent.js';

/** Which agent, scoped to its workspace: an agent is never addressed without one. */
export interface AgentRef {
  readonly workspaceId: string;
  readonly agentId: string;
}

/** What guards a commit: the version read earlier, or a key lock held by this request. */
export type CommitGuard =
  | { readonly kind: 'version'; readonly version: number; readonly nowMs: number }
  | { readonly kind: 'lock'; readonly lockId: string; readonly version: number };

export type LockOutcome =
  | { readonly kind: 'acquired'; readonly agent: Agent }
  | { readonly kind: 'busy' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'missing' };

/** Storage of agents. Every write bumps `version` and is conditional. */
export interface AgentRepository {
  list(workspaceId: string): Promise<Agent[]>;
  get(ref: AgentRef): Promise<Agent | undefined>;
  /** Creates the agent and its audit event in one transaction. */
  create(agent: Agent, event: AuditEvent): Promise<void>;
  /**
   * Takes the agent's key lock, so that one key change at a time touches its
   * secret. `stale` when `expectedVersion` is given and no longer current.
   */
  acquireKeyLock(
    ref: AgentRef,
    lock: { lockId: string; nowMs: number; ttlMs: number; expectedVersion?: number },
  ): Promise<LockOutcome>;
  releaseKeyLock(ref: AgentRef, lockId: string): Promise<void>;
  /** Writes the agent and its audit event in one transaction; `conflict` when the guard fails. */
  commit(after: Agent, guard: CommitGuard, event: AuditEvent): Promise<'committed' | 'conflict'>;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  page(agentId: string, options: { limit: number; cursor?: string }): Promise<AuditPage>;
}

/** Where customer keys live. Write-only: nothing here can read a key back. */
export interface KeyVault {
  createKeySecret(input: {
    workspaceId: string;
    agentId: string;
    secretId: string;
    apiKey: string;
  }): Promise<{ secretArn: string; versionId: string }>;
  putKeyVersion(secretArn: string, apiKey: string): Promise<{ versionId: string }>;
  /** Makes `versionId` current again after a failed swap away from it. */
  restoreVersion(secretArn: string, versionId: string, failedVersionId: string): Promise<void>;
  deleteSecret(secretArn: string): Promise<void>;
}

export interface KeyFingerprinter {
  fingerprint(apiKey: string): Promise<string>;
}

/** How Anthropic answered a one-token ping made with a candidate key. */
export type KeyCheckOutcome =
  | 'accepted'
  | 'invalid'
  | 'forbidden'
  | 'model_not_available'
  | 'no_credit'
  | 'unavailable';

export interface KeyChecker {
  check(apiKey: string, model: string): Promise<KeyCheckOutcome>;
}

/** Bounds how fast a workspace may validate keys, so the API is no oracle for stolen keys. */
export interface ValidationLimiter {
  admit(workspaceId: string, nowMs: number): Promise<void>;
  recordFailure(workspaceId: string, nowMs: number): Promise<void>;
}
