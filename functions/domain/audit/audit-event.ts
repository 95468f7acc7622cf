/** Kinds of audit events. Only ever appended; no function may change or delete one. */
export const AUDIT_EVENT_TYPE = {
  agentCreated: 'AGENT_CREATED',
  agentUpdated: 'AGENT_UPDATED',
  keyValidationFailed: 'BYO_KEY_VALIDATION_FAILED',
  keyRejected: 'BYO_KEY_REJECTED',
  capReached: 'SPEND_CAP_REACHED',
  capReset: 'SPEND_CAP_RESET',
} as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPE)[keyof typeof AUDIT_EVENT_TYPE];

/** A person acting through the API, or one of the service's own jobs. */
export type AuditActor =
  | { readonly kind: 'user'; readonly userId: string; readonly role: string }
  | { readonly kind: 'system'; readonly component: 'gateway' | 'cap-reset' };

/** One field's change. Keys appear only as hints (`sk-ant-****1234`), never in full. */
export interface FieldChange {
  readonly from: unknown;
  readonly to: unknown;
}

export interface AuditEvent {
  readonly id: string;
  readonly type: AuditEventType;
  readonly workspaceId: string;
  readonly agentId: string;
  readonly at: string;
  readonly actor: AuditActor;
  readonly requestId?: string;
  readonly changes?: Readonly<Record<string, FieldChange>>;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A page of an agent's events, newest first, with an opaque cursor to the next page. */
export interface AuditPage {
  readonly events: readonly AuditEvent[];
  readonly nextCursor?: string;
}
