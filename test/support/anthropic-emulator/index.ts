import type { AddressInfo } from 'node:net';
import { parseFaultInput } from './admin-input.js';
import type { CallRecord } from './call-log.js';
import type { FaultSpec } from './faults.js';
import type { KeyOptions } from './keys.js';
import { createEmulatorServer } from './server.js';
import { type EmulatorConfig, EmulatorState } from './state.js';

export { EmulatorAdmin } from './admin-client.js';
export type { CallRecord } from './call-log.js';
export type { FaultEffect, FaultMatch, FaultSpec } from './faults.js';
export type { KeyModels, KeyOptions, KeyStatus } from './keys.js';
export type { EmulatorConfig } from './state.js';

/** Where and how to start the emulator. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  latencyMs?: number;
  minCacheableTokens?: number;
}

/** A running emulator: its base URL plus in-process versions of the admin API. */
export interface AnthropicEmulator {
  /** Base URL for `new Anthropic({ baseURL })`: no trailing slash, no `/v1`. */
  url: string;
  stop(): Promise<void>;
  registerKey(key: string, options?: KeyOptions): void;
  /** Queues a fault; throws on an invalid one, as the admin API would answer 400. */
  injectFault(fault: FaultSpec): void;
  calls(): CallRecord[];
  clearCalls(): void;
  configure(update: Partial<EmulatorConfig>): void;
  setLatency(latencyMs: number): void;
  reset(): void;
}

/**
 * Starts an HTTP emulator of the Anthropic Messages API, for driving a service through the real
 * SDK. Listens on 127.0.0.1 by default so tests never expose it beyond the machine.
 */
export async function startAnthropicEmulator(
  options: EmulatorOptions = {},
): Promise<AnthropicEmulator> {
  const host = options.host ?? '127.0.0.1';
  const state = new EmulatorState({
    latencyMs: options.latencyMs ?? 0,
    minCacheableTokens: options.minCacheableTokens ?? 0,
  });
  const { server, stop } = createEmulatorServer(state);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop,
    registerKey: (key, keyOptions) => state.keys.register(key, keyOptions),
    injectFault: (fault) => state.faults.push(validFault(fault)),
    calls: () => state.calls.list(),
    clearCalls: () => state.calls.clear(),
    configure: (update) => state.configure(update),
    setLatency: (latencyMs) => state.configure({ latencyMs }),
    reset: () => state.reset(),
  };
}

function validFault(fault: FaultSpec): FaultSpec {
  const parsed = parseFaultInput(fault);
  if (!parsed.ok) {
    throw new Error(`invalid fault: ${parsed.message}`);
  }

  return parsed.value;
}
