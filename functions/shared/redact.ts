/**
 * Masks secret material in anything about to be logged. The logger applies it
 * to every line, so a key that slips into an error message or a nested object
 * is masked even where the calling code forgot.
 */
const ANTHROPIC_KEY = /sk-ant-[A-Za-z0-9_-]{4,}/g;
const API_TOKEN = /mt_[A-Za-z0-9_-]{8,}/g;
const BEARER = /Bearer\s+[^\s"',]+/gi;
const SECRET_FIELD = /^(authorization|x-api-key|cookie|set-cookie|byoapikey|apikey|secretstring)$/i;
const MAX_DEPTH = 12;

/** Replaces a key with its public hint shape; the last four characters are not secret. */
export function maskKeysIn(text: string): string {
  return text
    .replace(ANTHROPIC_KEY, (key) => `sk-ant-****${key.slice(-4)}`)
    .replace(BEARER, 'Bearer ****')
    .replace(API_TOKEN, 'mt_****');
}

/** An error's own fields, which `Object.entries` would miss because they are not enumerable. */
function errorFields(error: Error): Record<string, unknown> {
  return {
    ...error,
    name: error.name,
    message: error.message,
    stack: error.stack,
    cause: error.cause,
  };
}

/** Returns a deep copy of `value` with secret fields and key-shaped strings masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskKeysIn(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth limit]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return redact(errorFields(value), depth + 1);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));

  const copy: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(value)) {
    // defineProperty keeps a field named `__proto__` as plain data.
    Object.defineProperty(copy, maskKeysIn(field), {
      value: SECRET_FIELD.test(field) ? '[REDACTED]' : redact(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
