import { redact } from '../../functions/shared/redact.js';

/**
 * Writes one JSON log line to stderr, in the shape the functions log in: a
 * constant message with the data apart. Masked like the functions' logs, since
 * a handler's error may carry a key or a token.
 */
export function logLine(
  level: 'INFO' | 'WARN' | 'ERROR',
  message: string,
  data: Record<string, unknown> = {},
): void {
  const line = { level, message, timestamp: new Date().toISOString(), ...data };
  process.stderr.write(`${JSON.stringify(redact(line))}\n`);
}

/** The parts of an error worth logging; `Error` itself serialises to `{}`. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { name: error.name, message: error.message, stack: error.stack };
}
