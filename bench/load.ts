/** How much load to send: a fixed count of requests, cut short by a time limit. */
export interface LoadOptions {
  readonly requests: number;
  readonly concurrency: number;
  /** No new request starts after this long; the run stops by itself. */
  readonly maxMs: number;
}

export interface LoadRun {
  readonly latenciesMs: number[];
  readonly failures: number;
  readonly firstFailure?: string;
  readonly elapsedMs: number;
}

/**
 * Sends `requests` calls, `concurrency` at a time (a closed loop: each worker
 * sends its next call when the last one answered), and times each one.
 * Bounded by count and by time, so a stuck target cannot hold the bench.
 */
export async function runLoad(send: () => Promise<void>, options: LoadOptions): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  const startedMs = performance.now();
  let started = 0;

  const worker = async () => {
    while (started < options.requests && performance.now() - startedMs < options.maxMs) {
      started += 1;
      const sentMs = performance.now();
      try {
        await send();
        latenciesMs.push(performance.now() - sentMs);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));

  return {
    latenciesMs,
    failures: failures.length,
    ...(failures[0] ? { firstFailure: failures[0] } : {}),
    elapsedMs: performance.now() - startedMs,
  };
}

/** Throws unless a fetch answered 200; reads the body either way, so the connection is reused. */
export async function expectOk(response: Response, what: string): Promise<void> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${text.slice(0, 200)}`);
}
