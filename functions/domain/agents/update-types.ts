import type { Principal } from '../../auth/principal.js';
import type { KeyVerification } from '../keys/verify-new-key.js';
import type { AgentPatch } from './plan-update.js';
import type { AgentRepository, AuditLog, KeyVault } from './ports.js';

/** What changing an agent needs from the outside world. */
export interface UpdateAgentDeps {
  readonly agents: AgentRepository;
  readonly audit: AuditLog;
  readonly vault: KeyVault;
  readonly verification: KeyVerification;
  readonly hostedModels: readonly string[];
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface UpdateAgentCommand {
  readonly principal: Principal;
  readonly agentId: string;
  readonly patch: AgentPatch;
  /** From `If-Match`: the change applies only to this version. */
  readonly expectedVersion?: number;
  readonly requestId: string;
}
