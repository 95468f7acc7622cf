import {
  cappedAgentDayOf,
  heldReservationsOf,
} from '../../../functions/adapters/dynamodb/cap-reset-day-items.js';
import type { AuditEvent } from '../../../functions/domain/audit/audit-event.js';
import type {
  AgentDay,
  SecretSweepStore,
  SpendDayStore,
  VaultKeySecret,
} from '../../../functions/domain/jobs/ports.js';

type Item = Record<string, unknown>;

const keyOf = ({ agentId, day }: AgentDay) => `${agentId}|${day}`;

/**
 * The job's storage in memory, with the same conditional semantics as the
 * DynamoDB and Secrets Manager adapters, for tests of the job's logic alone.
 */
export function memoryStores() {
  const dayItems = new Map<string, Item>();
  const audit: AuditEvent[] = [];
  const secrets = new Map<string, VaultKeySecret>();
  const agentKeys = new Map<string, string>();

  const indexed = (attribute: string, day: string) =>
    [...dayItems.entries()]
      .filter(([, item]) => item[attribute] === day)
      .map(([key]) => ({ agentId: key.split('|')[0]!, day }));

  const spendDays: SpendDayStore = {
    cappedAgents: async (day) => indexed('cappedDay', day),
    activeAgents: async (day) => indexed('activeDay', day),
    readCap: async (agentDay) => {
      const item = dayItems.get(keyOf(agentDay));
      return item && cappedAgentDayOf(item, agentDay);
    },
    readReservations: async (agentDay) =>
      heldReservationsOf(dayItems.get(keyOf(agentDay)) ?? {}, agentDay),
    recordCapReset: async (agentDay, event) => {
      const item = dayItems.get(keyOf(agentDay));
      if (!item || item.capResetAt !== undefined) return false;
      item.capResetAt = event.at;
      audit.push(event);
      return true;
    },
    releaseReservation: async (reservation) => {
      const item = dayItems.get(keyOf(reservation));
      const attribute = `rsv_${reservation.callId}`;
      if (!item || item[attribute] === undefined) return false;
      delete item[attribute];
      item.reservedMicroCents = Number(item.reservedMicroCents) - reservation.microCents;
      item.committedMicroCents = Number(item.committedMicroCents) - reservation.microCents;
      return true;
    },
  };

  const secretStore: SecretSweepStore = {
    keySecrets: async () => [...secrets.values()],
    agentKeySecretArn: async (workspaceId, agentId) => agentKeys.get(`${workspaceId}|${agentId}`),
    deleteSecret: async (arn) => secrets.delete(arn),
  };

  return { dayItems, audit, secrets, agentKeys, spendDays, secretStore, keyOf };
}
