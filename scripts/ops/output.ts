import { maskKeysIn, redact } from '../../functions/shared/redact.js';
import type { OpsIo } from './io.js';

const REDACTED = '[REDACTED]';

/**
 * Everything a command prints goes through here. Commands never print a key
 * to begin with; this is the last line of defence: the product's masking of
 * key- and token-shaped text on every line, and, for values a command holds in
 * memory (the key piped to `find-key`), their exact removal, whatever their shape.
 */
export class SafeOutput {
  readonly #io: OpsIo;
  readonly #json: boolean;
  readonly #secrets: string[] = [];

  constructor(io: OpsIo, options: { json: boolean }) {
    this.#io = io;
    this.#json = options.json;
  }

  /** True when the operator asked for `--json`. */
  get json(): boolean {
    return this.#json;
  }

  /** Never print this value, even inside another string. */
  forbid(secret: string): void {
    if (secret.length > 0) this.#secrets.push(secret);
  }

  /** Prints a command's result: as JSON for scripts, else as the lines `render` makes. */
  report<T>(value: T, render: (value: T) => readonly string[]): void {
    if (this.#json) {
      this.line(JSON.stringify(redact(value), null, 2));
      return;
    }
    for (const line of render(value)) this.line(line);
  }

  line(text = ''): void {
    this.#io.stdout.write(`${this.scrub(text)}\n`);
  }

  /** A warning or an error, on standard error. */
  problem(text: string): void {
    this.#io.stderr.write(`${this.scrub(text)}\n`);
  }

  scrub(text: string): string {
    let safe = text;
    for (const secret of this.#secrets) safe = safe.replaceAll(secret, REDACTED);
    return maskKeysIn(safe);
  }
}
