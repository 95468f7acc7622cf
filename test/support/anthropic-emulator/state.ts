import { CallLog } from './call-log.js';
import { FaultQueue } from './faults.js';
import { KeyRegistry } from './keys.js';
import { PromptCache } from './prompt-cache.js';

/** Settings tests may change while the emulator runs. */
export interface EmulatorConfig {
  /** Delay added before every answer, to exercise client timeouts and latency metrics. */
  latencyMs: number;
  /** Shortest prefix the prompt cache accepts; the real API needs about 1024 tokens. */
  minCacheableTokens: number;
}

/**
 * Everything the emulator remembers, shared by the routes and the in-process helpers. Reset
 * returns config to the values given at start, so a CLI `--latency-ms` survives test resets.
 */
export class EmulatorState {
  readonly keys = new KeyRegistry();
  readonly faults = new FaultQueue();
  readonly calls = new CallLog();
  readonly cache = new PromptCache();
  config: EmulatorConfig;
  readonly #initialConfig: EmulatorConfig;

  constructor(initialConfig: EmulatorConfig) {
    this.#initialConfig = { ...initialConfig };
    this.config = { ...initialConfig };
  }

  /** Updates the given config fields; fields left out or undefined keep their value. */
  configure(update: Partial<EmulatorConfig>): void {
    const defined = Object.entries(update).filter(([, value]) => value !== undefined);

    this.config = { ...this.config, ...Object.fromEntries(defined) };
  }

  /** Clears keys, faults, calls and cache, and restores the start config. */
  reset(): void {
    this.keys.clear();
    this.faults.clear();
    this.calls.clear();
    this.cache.clear();
    this.config = { ...this.#initialConfig };
  }
}
