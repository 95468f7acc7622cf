/** Which requests a fault applies to; an omitted field matches anything. */
export interface FaultMatch {
  apiKey?: string;
  path?: string;
}

/** What a fault does to the request it hits. */
export type FaultEffect =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; message?: string }
  | { kind: 'timeout' }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'delay'; latencyMs: number };

/** A fault as tests inject it: an effect, an optional match and how many requests it hits. */
export type FaultSpec = FaultEffect & { match?: FaultMatch; count?: number };

interface QueuedFault {
  effect: FaultEffect;
  match: FaultMatch;
  remaining: number;
}

/**
 * FIFO queue of injected faults. Each request consumes one hit of the oldest matching fault, so a
 * test can script a sequence (e.g. 529 then success) and know which request gets which answer.
 */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  /** Appends a fault; it stays queued until `count` matching requests have used it. */
  push(spec: FaultSpec): void {
    const { match, count, ...effect } = spec;

    this.#queue.push({ effect, match: match ?? {}, remaining: count ?? 1 });
  }

  /** Consumes one hit of the oldest fault matching the request, or returns undefined. */
  take(apiKey: string | null, path: string): FaultEffect | undefined {
    const index = this.#queue.findIndex((fault) => matches(fault.match, apiKey, path));
    const fault = this.#queue[index];
    if (!fault) {
      return undefined;
    }

    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      this.#queue.splice(index, 1);
    }

    return fault.effect;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#queue = [];
  }
}

function matches(match: FaultMatch, apiKey: string | null, path: string): boolean {
  const keyMatches = match.apiKey === undefined || match.apiKey === apiKey;
  const pathMatches = match.path === undefined || match.path === path;

  return keyMatches && pathMatches;
}
