/**
 * A small least-recently-used map. Entries never go stale: each is keyed by an
 * immutable secret version, so only memory bounds its size.
 */
export class VersionCache<Value> {
  readonly #entries = new Map<string, Value>();

  constructor(readonly maxEntries: number) {}

  get(key: string): Value | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: Value): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
