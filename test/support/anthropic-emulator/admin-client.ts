import type { CallRecord } from './call-log.js';
import type { FaultSpec } from './faults.js';
import type { KeyOptions } from './keys.js';
import type { EmulatorConfig } from './state.js';

/**
 * Typed client for the emulator's admin API, for tests whose emulator runs in another process
 * (e.g. started with cli.ts). Every method throws when the emulator refuses the command.
 */
export class EmulatorAdmin {
  readonly #baseUrl: string;

  /** @param url the emulator's base URL, as printed by the CLI or returned by start. */
  constructor(url: string) {
    this.#baseUrl = url.replace(/\/+$/, '');
  }

  /** Registers or updates a key (defaults: status `active`, models `claude-*`). */
  async registerKey(key: string, options: KeyOptions = {}): Promise<void> {
    await this.#send('POST', 'keys', { key, ...options });
  }

  /** Queues a fault for the next matching request(s). */
  async injectFault(fault: FaultSpec): Promise<void> {
    await this.#send('POST', 'faults', fault);
  }

  /** Returns the recorded `/v1/*` calls, oldest first. */
  async calls(): Promise<CallRecord[]> {
    const response = await this.#send('GET', 'calls');
    const body = (await response.json()) as { calls: CallRecord[] };

    return body.calls;
  }

  /** Forgets the recorded calls. */
  async clearCalls(): Promise<void> {
    await this.#send('DELETE', 'calls');
  }

  /** Changes latency and/or the minimum cacheable prefix. */
  async configure(update: Partial<EmulatorConfig>): Promise<void> {
    await this.#send('POST', 'config', update);
  }

  /** Clears keys, faults, calls and cache, and restores the start config. */
  async reset(): Promise<void> {
    await this.#send('POST', 'reset');
  }

  async #send(method: string, route: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.#baseUrl}/_emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    if (!response.ok) {
      throw new Error(
        `emulator admin ${method} ${route} failed: ${response.status} ${await response.text()}`,
      );
    }
    return response;
  }
}
