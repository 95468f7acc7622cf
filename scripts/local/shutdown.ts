import { describeError, logLine } from './local-log.js';

/**
 * The things a script started, stopped in reverse order on the way out, so
 * that nothing it spawned (moto above all) outlives it.
 */
export class Shutdown {
  readonly #steps: { name: string; stop: () => Promise<void> | void }[] = [];

  /** Registers something to stop; later registrations stop first. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.#steps.push({ name, stop });
  }

  /** Stops everything registered; a failing step is logged and the others still run. */
  async run(): Promise<void> {
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        await step.stop();
      } catch (error) {
        logLine('WARN', 'stop failed', { step: step.name, error: describeError(error) });
      }
    }
  }

  /**
   * Stops everything and exits 0 on SIGINT or SIGTERM. A second signal while
   * stopping exits at once; moto is still killed by its own exit hook.
   */
  onSignals(): void {
    let stopping = false;
    const handle = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(1);
      stopping = true;
      console.error(`\n${signal} received, stopping the local stack`);
      void this.run().then(() => process.exit(0));
    };
    process.on('SIGINT', handle);
    process.on('SIGTERM', handle);
  }
}
