import type { DayTotals, MonthTotals, TokenCounts } from '../../domain/spend/ports.js';

/** Day items live 400 days, long enough for a year of statements and disputes. */
export const DAY_ITEM_TTL_SECONDS = 400 * 86_400;

export const dayKey = (agentId: string, day: string) => ({
  pk: `AGENT#${agentId}`,
  sk: `DAY#${day}`,
});
export const monthKey = (workspaceId: string, month: string) => ({
  pk: `WS#${workspaceId}`,
  sk: `MONTH#${month}`,
});

/**
 * A reservation is a top-level attribute named after its call, so that it can
 * be added to an item that does not exist yet and removed exactly once.
 */
export const RESERVATION_PREFIX = 'rsv_';
export const reservationAttribute = (callId: string) => `${RESERVATION_PREFIX}${callId}`;

const numberOf = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));

function tokensOf(item: Record<string, unknown>, prefix = ''): TokenCounts {
  return {
    input: numberOf(item[`${prefix}inputTokens`]),
    output: numberOf(item[`${prefix}outputTokens`]),
    cacheCreation: numberOf(item[`${prefix}cacheCreationTokens`]),
    cacheRead: numberOf(item[`${prefix}cacheReadTokens`]),
  };
}

export function dayTotalsOf(item: Record<string, unknown> | undefined): DayTotals {
  const source = item ?? {};
  return {
    spentMicroCents: numberOf(source.spentMicroCents),
    reservedMicroCents: numberOf(source.reservedMicroCents),
    calls: numberOf(source.calls),
    tokens: tokensOf(source),
  };
}

export function monthTotalsOf(item: Record<string, unknown> | undefined): MonthTotals {
  const source = item ?? {};
  const side = (prefix: 'hosted' | 'byo') => ({
    spentMicroCents: numberOf(source[`${prefix}SpentMicroCents`]),
    calls: numberOf(source[`${prefix}Calls`]),
    tokens: tokensOf(source, `${prefix}_`),
  });
  return { hosted: side('hosted'), byo: side('byo') };
}

/** `ADD` clauses and values that add a call's tokens to a day or month item. */
export function tokenAdditions(tokens: TokenCounts, prefix = '') {
  return {
    clause: `${prefix}inputTokens :in, ${prefix}outputTokens :out, ${prefix}cacheCreationTokens :cw, ${prefix}cacheReadTokens :cr`,
    values: {
      ':in': tokens.input,
      ':out': tokens.output,
      ':cw': tokens.cacheCreation,
      ':cr': tokens.cacheRead,
    },
  };
}
