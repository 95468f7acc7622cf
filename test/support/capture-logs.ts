import { format } from 'node:util';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];
type Write = typeof process.stdout.write;

/** Everything this process printed while the capture ran. */
export interface CapturedLogs {
  /** Every printed line, in order, without empty ones. */
  lines(): string[];
  /** The lines that parse as JSON objects, such as the functions' log lines. */
  jsonLines(): Record<string, unknown>[];
  /** Restores stdout, stderr and the console. */
  stop(): void;
}

export interface CaptureOptions {
  /** Also print what is captured; by default it is kept out of the test output. */
  readonly echo?: boolean;
}

/**
 * Captures what this worker prints: writes to `process.stdout` and
 * `process.stderr` (where the functions' logger and the local API write) and
 * the global console. The local API runs in the test worker, so this sees
 * every log line a request produces.
 */
export function captureLogs(options: CaptureOptions = {}): CapturedLogs {
  const chunks: string[] = [];
  const restoreStreams = [process.stdout, process.stderr].map((stream) =>
    interceptStream(stream, chunks, options.echo ?? false),
  );
  const restoreConsole = interceptConsole(chunks, options.echo ?? false);

  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '');
  return {
    lines,
    jsonLines: () => lines().flatMap(parseJsonObject),
    stop: () => {
      for (const restore of restoreStreams) restore();
      restoreConsole();
    },
  };
}

function interceptStream(stream: NodeJS.WriteStream, chunks: string[], echo: boolean) {
  const original = stream.write;
  const write = (chunk: unknown, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    if (echo) return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  stream.write = write as Write;
  return () => {
    stream.write = original;
  };
}

function interceptConsole(chunks: string[], echo: boolean) {
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of CONSOLE_METHODS) {
    const original = console[method];
    originals.set(method, original);
    console[method] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      if (echo) original.apply(console, args);
    };
  }
  return () => {
    for (const [method, original] of originals) console[method] = original;
  };
}

function parseJsonObject(line: string): Record<string, unknown>[] {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
  } catch {
    return [];
  }
}
