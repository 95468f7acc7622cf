import { countAgentCall, countByoKeyRejected } from '../../observability/metrics.js';
import { logger } from '../../shared/logger.js';
import type { Agent } from '../agents/agent.js';
import { type CostBreakdown, costOfUsage } from '../pricing/index.js';
import type { CredentialSource, ReservationRef, SpendLedger, TokenCounts } from '../spend/ports.js';
import {
  type KeyStatusWriter,
  type LlmClient,
  type LlmCredential,
  type LlmMessage,
  UpstreamFailure,
} from './ports.js';
import { upstreamError } from './upstream-errors.js';

export interface PreparedCall {
  readonly agent: Agent;
  readonly model: string;
  readonly body: Record<string, unknown>;
  readonly credential: LlmCredential;
  readonly reservation: ReservationRef & { spentBeforeMicroCents: number };
  readonly requestId: string;
}

export interface SettledCall {
  readonly message: LlmMessage;
  readonly source: CredentialSource;
  readonly cost: CostBreakdown;
  /** The day's settled spend including this call, as far as this call knows. */
  readonly daySpentMicroCents: number;
  readonly capCents: number;
}

interface SendDeps {
  readonly llm: LlmClient;
  readonly ledger: SpendLedger;
  readonly keyStatus: KeyStatusWriter;
  readonly now: () => Date;
}

const tokensOf = (message: LlmMessage): TokenCounts => ({
  input: message.usage.input_tokens,
  output: message.usage.output_tokens,
  cacheCreation: message.usage.cache_creation_input_tokens ?? 0,
  cacheRead: message.usage.cache_read_input_tokens ?? 0,
});

/** Calls Anthropic; on failure releases the reservation and answers with a clear error. */
async function send(deps: SendDeps, call: PreparedCall): Promise<LlmMessage> {
  try {
    return await deps.llm.createMessage(call.credential, call.body);
  } catch (error) {
    await deps.ledger.release(call.reservation);
    if (!(error instanceof UpstreamFailure)) throw error;
    if (error.kind === 'key_rejected' && call.credential.source === 'byo') {
      countByoKeyRejected();
      await deps.keyStatus.markRejected(call.agent, error.message, call.requestId, deps.now());
    }
    throw upstreamError(error, call.credential.source, call.model);
  }
}

/**
 * Sends the call and settles its reservation to the actual cost. Every
 * settled call leaves one usage record, from which any day can be recomputed.
 */
export async function sendAndSettle(deps: SendDeps, call: PreparedCall): Promise<SettledCall> {
  const message = await send(deps, call);
  const cost = costOfUsage(message.usage, call.model);
  countAgentCall({
    source: call.credential.source,
    modelKey: cost.modelKey,
    microCents: cost.microCents,
  });
  const record = usageRecord(call, message, cost);
  const settled: SettledCall = {
    message,
    source: call.credential.source,
    cost,
    daySpentMicroCents: call.reservation.spentBeforeMicroCents + cost.microCents,
    capCents: call.agent.dailySpendCapCents,
  };

  try {
    await deps.ledger.settle({
      reservation: call.reservation,
      workspaceId: call.agent.workspaceId,
      month: call.reservation.day.slice(0, 7),
      costMicroCents: cost.microCents,
      tokens: tokensOf(message),
      source: call.credential.source,
    });
    logger.info('agent call settled', record);
  } catch (error) {
    // Anthropic has answered and charged: the caller gets the answer, the cap
    // keeps the worst case reserved, and this record allows reconciliation.
    logger.error('agent call not settled', { ...record, error: error as Error });
  }
  return settled;
}

function usageRecord(call: PreparedCall, message: LlmMessage, cost: CostBreakdown) {
  return {
    usageRecord: {
      agentId: call.agent.id,
      workspaceId: call.agent.workspaceId,
      callId: call.reservation.callId,
      day: call.reservation.day,
      model: call.model,
      credentialSource: call.credential.source,
      usage: message.usage,
      costMicroCents: cost.microCents,
      reservedMicroCents: call.reservation.microCents,
      priceTableVersion: cost.priceTableVersion,
      priceModelKey: cost.modelKey,
      fallbackPrice: cost.fallbackPrice,
    },
  };
}
