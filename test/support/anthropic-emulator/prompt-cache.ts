import { createHash } from 'node:crypto';
import type { CacheControl, PromptBlock } from './tokens.js';

const TTL_MS: Readonly<Record<'5m' | '1h', number>> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

/** How a request's prompt split between cache reads, cache writes (by TTL) and the rest. */
export interface CacheOutcome {
  readTokens: number;
  write5mTokens: number;
  write1hTokens: number;
}

/** A cache point: a prefix of the prompt ending at a `cache_control` block. */
interface Breakpoint {
  prefixTokens: number;
  prefixHash: string;
  ttl: '5m' | '1h';
}

/**
 * The emulator's prompt cache: prefix hashes per (api key, model) with an expiry that a hit
 * refreshes, as the real cache does. Scoping by key keeps tests on different keys independent.
 */
export class PromptCache {
  readonly #expiresAtMs = new Map<string, number>();

  /**
   * Resolves the cache for one request. The longest live breakpoint prefix is read; the tokens
   * from there to the last breakpoint are written, each segment under its breakpoint's TTL.
   * Prefixes shorter than `minTokens` are not cacheable, mirroring the real minimum length.
   */
  resolve(
    scope: string,
    blocks: readonly PromptBlock[],
    automatic: CacheControl | null,
    minTokens: number,
  ): CacheOutcome {
    const nowMs = Date.now();
    const points = breakpoints(blocks, automatic).filter((bp) => bp.prefixTokens >= minTokens);
    const hit = points.findLast((bp) => this.#isLive(`${scope}:${bp.prefixHash}`, nowMs));
    const outcome: CacheOutcome = {
      readTokens: hit?.prefixTokens ?? 0,
      write5mTokens: 0,
      write1hTokens: 0,
    };

    let coveredTokens = outcome.readTokens;
    for (const point of points) {
      this.#expiresAtMs.set(`${scope}:${point.prefixHash}`, nowMs + TTL_MS[point.ttl]);
      if (point.prefixTokens > coveredTokens) {
        addWrite(outcome, point.ttl, point.prefixTokens - coveredTokens);
        coveredTokens = point.prefixTokens;
      }
    }

    return outcome;
  }

  /** Forgets every cached prefix. */
  clear(): void {
    this.#expiresAtMs.clear();
  }

  #isLive(key: string, nowMs: number): boolean {
    return (this.#expiresAtMs.get(key) ?? 0) > nowMs;
  }
}

function addWrite(outcome: CacheOutcome, ttl: '5m' | '1h', tokens: number): void {
  if (ttl === '1h') {
    outcome.write1hTokens += tokens;
  } else {
    outcome.write5mTokens += tokens;
  }
}

/**
 * Lists the breakpoints in prompt order. A top-level (automatic) `cache_control` adds one at the
 * last block, so the whole prompt becomes the cached prefix.
 */
function breakpoints(blocks: readonly PromptBlock[], automatic: CacheControl | null): Breakpoint[] {
  const hash = createHash('sha256');
  const points: Breakpoint[] = [];
  let prefixTokens = 0;

  blocks.forEach((block, index) => {
    hash.update(`${block.fingerprint}\n`);
    prefixTokens += block.tokens;

    const marker =
      index === blocks.length - 1 ? (block.cacheControl ?? automatic) : block.cacheControl;
    if (marker) {
      points.push({ prefixTokens, prefixHash: hash.copy().digest('hex'), ttl: marker.ttl ?? '5m' });
    }
  });

  return points;
}
