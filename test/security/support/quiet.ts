import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { format } from 'node:util';

/** The functions' log lines, kept out of a runner's own output. */
export interface LogFile {
  /** Lines written so far, for scans; the file holds them all. */
  lines(): readonly string[];
  stop(): Promise<void>;
}

/**
 * Sends everything this process prints (the handlers' JSON log lines,
 * metrics, warnings) to a file instead of the terminal, keeping the lines in
 * memory too, so that a runner's summary stays readable and its logs can be
 * searched for secrets. `say` still reaches the terminal.
 */
export async function logToFile(path: string): Promise<LogFile> {
  await mkdir(dirname(path), { recursive: true });
  const file = createWriteStream(path);
  const kept: string[] = [];
  const originals = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
    log: console.log,
    error: console.error,
    warn: console.warn,
    info: console.info,
  };
  const keep = (chunk: unknown) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
    file.write(text);
    kept.push(...text.split('\n').filter((line) => line.trim() !== ''));
    return true;
  };
  process.stdout.write = keep as typeof process.stdout.write;
  process.stderr.write = keep as typeof process.stderr.write;
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    console[method] = (...args: unknown[]) => keep(`${format(...args)}\n`);
  }
  say.write = (text: string) => originals.out(text);

  return {
    lines: () => kept,
    stop: async () => {
      process.stdout.write = originals.out as typeof process.stdout.write;
      process.stderr.write = originals.err as typeof process.stderr.write;
      Object.assign(console, {
        log: originals.log,
        error: originals.error,
        warn: originals.warn,
        info: originals.info,
      });
      say.write = (text: string) => originals.out(text);
      await new Promise<void>((done) => file.end(done));
    },
  };
}

/** Prints a runner's own line to the terminal, whether or not logs go to a file. */
export function say(text: string): void {
  say.write(`${text}\n`);
}
say.write = (text: string): void => {
  process.stdout.write(text);
};
