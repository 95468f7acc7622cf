/** Which credentials paid for a call. */
export const CREDENTIAL_SOURCE = { hosted: 'hosted', byo: 'byo' } as const;
export type CredentialSource = (typeof CREDENTIAL_SOURCE)[keyof typeof CREDENTIAL_SOURCE];

export interface TokenCounts {
  readonly input: number;
  readonly output: number;
  readonly cacheCreation: number;
  readonly cacheRead: number;
}

/** An agent's spend on one UTC day, in micro-cents. */
export interface DayTotals {
  readonly spentMicroCents: number;
  readonly reservedMicroCents: number;
  readonly calls: number;
  readonly tokens: TokenCounts;
}

/** A workspace's spend in one month, hosted and BYO apart. */
export interface MonthTotals {
  readonly hosted: {
    readonly spentMicroCents: number;
    readonly calls: number;
    readonly tokens: TokenCounts;
  };
  readonly byo: {
    readonly spentMicroCents: number;
    readonly calls: number;
    readonly tokens: TokenCounts;
  };
}

export interface ReservationRef {
  readonly agentId: string;
  readonly day: string;
  readonly callId: string;
  readonly microCents: number;
}

export type ReserveOutcome =
  | { readonly kind: 'reserved'; readonly spentMicroCents: number }
  | {
      readonly kind: 'refused';
      readonly spentMicroCents: number;
      readonly reservedMicroCents: number;
    };

export interface Settlement {
  readonly reservation: ReservationRef;
  readonly workspaceId: string;
  readonly month: string;
  readonly costMicroCents: number;
  readonly tokens: TokenCounts;
  readonly source: CredentialSource;
}

/**
 * Per-agent daily spend with reservations. Reserving is one conditional
 * write that fails when settled plus reserved spend would pass the cap, so no
 * number of concurrent calls can settle above it.
 */
export interface SpendLedger {
  reserve(
    reservation: ReservationRef & { workspaceId: string; capMicroCents: number; nowMs: number },
  ): Promise<ReserveOutcome>;
  /** Replaces the reservation with the actual cost; counts a call once even if retried. */
  settle(settlement: Settlement): Promise<void>;
  release(reservation: ReservationRef): Promise<void>;
  /** Marks the agent capped for the day; true only for the first refusal of that day. */
  markCapped(agentId: string, workspaceId: string, day: string, nowMs: number): Promise<boolean>;
  dayTotals(agentId: string, day: string): Promise<DayTotals>;
  monthTotals(workspaceId: string, month: string): Promise<MonthTotals>;
}
