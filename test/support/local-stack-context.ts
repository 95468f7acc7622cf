import type { ServiceSettings } from '../../lib/definitions/settings.js';
import type { LocalStackEnvironment } from '../../scripts/local/local-environment.js';

/**
 * What the integration global setup hands every test worker: where moto and
 * the Anthropic emulator listen and the environment the functions run with.
 * Plain JSON, because it crosses from vitest's main process to the workers.
 */
export interface LocalStackContext extends LocalStackEnvironment {
  readonly settings: ServiceSettings;
  /** The platform key stored in the hosted-key secret and registered as active in the emulator. */
  readonly hostedApiKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: LocalStackContext;
  }
}
