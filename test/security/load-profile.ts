/**
 * How hard the concurrency tests push: the short form runs in `npm test`
 * (test/integration/security/concurrency.test.ts), the long form in
 * `npm run test:load` (test/security/load.ts). `npm run security:report`
 * prints these figures into docs/security.md.
 */
export const SHORT_FORM = {
  /** Parallel PATCHes rotating one agent's key. */
  rotations: 20,
  /** Parallel agent calls, spread evenly over the agents. */
  agentCalls: 200,
  agents: 10,
} as const;

export const LONG_FORM = {
  rotations: 20,
  agentCalls: 1000,
  agents: 10,
  /** The soak: requests a second at a fixed rate, for this long. */
  soakRatePerSecond: 25,
  soakSeconds: 60,
  /** Most the API process's heap may grow over the soak, after garbage collection. */
  maxHeapGrowthBytes: 64 * 1024 * 1024,
} as const;

/**
 * Each agent's cap holds this many worst-case reservations at once: tight
 * enough that its calls meet the cap, loose enough that several run together.
 */
export const RESERVATIONS_PER_CAP = 3.5;
