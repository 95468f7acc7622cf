import type { AuditEvent } from '../audit/audit-event.js';

/** One agent's spend on one UTC day: the unit the daily job works on. */
export interface AgentDay {
  readonly agentId: string;
  readonly day: string;
}

/** An agent refused on a day, as its day item records it. */
export interface CappedAgentDay extends AgentDay {
  /** Missing when the day item holds only the refusal (the call alone was over the cap). */
  readonly workspaceId?: string;
  readonly capReachedAtMs: number;
  /** True once a run has recorded the reset: the audit event exists. */
  readonly resetRecorded: boolean;
}

/** A reservation still held on a day item: a call that never settled nor released. */
export interface HeldReservation extends AgentDay {
  readonly callId: string;
  readonly microCents: number;
}

/**
 * The per-agent day items of the spend counters. Reads follow the sparse
 * day indexes, so they cost what the day's active or capped agents cost,
 * never the number of agents.
 */
export interface SpendDayStore {
  cappedAgents(day: string): Promise<AgentDay[]>;
  activeAgents(day: string): Promise<AgentDay[]>;
  /** Undefined when the item is gone or no longer capped on that day. */
  readCap(agentDay: AgentDay): Promise<CappedAgentDay | undefined>;
  readReservations(agentDay: AgentDay): Promise<HeldReservation[]>;
  /** Marks the reset and appends `event` together; false when a run has already done so. */
  recordCapReset(agentDay: AgentDay, event: AuditEvent): Promise<boolean>;
  /** Gives the amount back to the day; false when a settle or another run got there first. */
  releaseReservation(reservation: HeldReservation): Promise<boolean>;
}

/** A vault secret as listed, without its value: its owner comes from its tags. */
export interface VaultKeySecret {
  readonly arn: string;
  readonly name: string;
  readonly createdAtMs: number;
  readonly workspaceId?: string;
  readonly agentId?: string;
}

/** The vault seen by the sweep. It can list and delete secrets, never read one. */
export interface SecretSweepStore {
  /** The vault's Anthropic key secrets, every page of them. */
  keySecrets(): Promise<VaultKeySecret[]>;
  /** The secret the agent's key reference points at; undefined for no agent or no key. */
  agentKeySecretArn(workspaceId: string, agentId: string): Promise<string | undefined>;
  /** True when this call deleted it, false when it was already gone. */
  deleteSecret(arn: string): Promise<boolean>;
}

/** What a run did, for the log line and the handler's answer. */
export interface CapResetCounts {
  capResets: number;
  reservationsReleased: number;
  microCentsReleased: number;
  secretsSwept: number;
}

export interface CapResetDeps {
  readonly spendDays: SpendDayStore;
  readonly secrets: SecretSweepStore;
  readonly now: () => Date;
  /** Secrets younger than this are never swept: their agent may not be committed yet. */
  readonly minSecretAgeMs: number;
}
