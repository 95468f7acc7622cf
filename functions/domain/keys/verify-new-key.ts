import { newId } from '../../shared/ids.js';
import type { AuditLog, KeyChecker, KeyFingerprinter, ValidationLimiter } from '../agents/ports.js';
import { AUDIT_EVENT_TYPE, type AuditActor } from '../audit/audit-event.js';
import { keyRefusalError } from './key-check-errors.js';
import { normaliseApiKey } from './key-format.js';
import { keyHint } from './key-hint.js';

/** A key Anthropic accepted, ready to be stored. Lives in memory for this request only. */
export interface VerifiedKey {
  readonly apiKey: string;
  readonly hint: string;
  readonly fingerprint: string;
  readonly validatedAt: string;
}

export interface KeyVerification {
  readonly checker: KeyChecker;
  readonly limiter: ValidationLimiter;
  readonly fingerprinter: KeyFingerprinter;
  readonly audit: AuditLog;
}

export interface VerifyKeyInput {
  readonly rawKey: string;
  readonly model: string;
  readonly workspaceId: string;
  readonly agentId: string;
  readonly actor: AuditActor;
  readonly requestId: string;
  readonly now: Date;
}

/**
 * Checks a candidate key with one low-cost ping before anything is stored.
 * Refusals are audited (by hint) and counted against the workspace's limit;
 * an unreachable Anthropic is neither, since the key was never judged.
 */
export async function verifyNewKey(
  deps: KeyVerification,
  input: VerifyKeyInput,
): Promise<VerifiedKey> {
  const apiKey = normaliseApiKey(input.rawKey);
  await deps.limiter.admit(input.workspaceId, input.now.getTime());

  const outcome = await deps.checker.check(apiKey, input.model);
  if (outcome === 'unavailable') throw keyRefusalError(outcome, input.model);
  if (outcome !== 'accepted') {
    await recordRefusal(deps, input, keyHint(apiKey), outcome);
    throw keyRefusalError(outcome, input.model);
  }

  const fingerprint = await deps.fingerprinter.fingerprint(apiKey);
  return { apiKey, hint: keyHint(apiKey), fingerprint, validatedAt: input.now.toISOString() };
}

async function recordRefusal(
  deps: KeyVerification,
  input: VerifyKeyInput,
  hint: string,
  reason: string,
): Promise<void> {
  await deps.limiter.recordFailure(input.workspaceId, input.now.getTime());
  await deps.audit.append({
    id: newId('evt'),
    type: AUDIT_EVENT_TYPE.keyValidationFailed,
    workspaceId: input.workspaceId,
    agentId: input.agentId,
    at: input.now.toISOString(),
    actor: input.actor,
    requestId: input.requestId,
    details: { keyHint: hint, reason, model: input.model },
  });
}
