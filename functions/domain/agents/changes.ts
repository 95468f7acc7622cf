import type { FieldChange } from '../audit/audit-event.js';
import type { Agent } from './agent.js';

const TRACKED_FIELDS = [
  'name',
  'llmProvider',
  'llmModel',
  'dailySpendCapCents',
  'promptCacheTtl',
] as const;

/**
 * The audit log's `changes` map between two states of an agent. The key is
 * compared by secret version and shown only by its hint.
 */
export function agentChanges(before: Agent, after: Agent): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of TRACKED_FIELDS) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }

  const keyBefore = before.byoKey?.secretVersionId;
  const keyAfter = after.byoKey?.secretVersionId;
  if (keyBefore !== keyAfter) {
    changes.byoKey = { from: before.byoKey?.hint ?? null, to: after.byoKey?.hint ?? null };
  }
  return changes;
}
