import type { IncomingHttpHeaders } from 'node:http';

/**
 * One recorded request to `/v1/*`. The key sits in `apiKey` only, never in `headers`, so a test
 * can assert that a service puts its key in the auth header and nowhere else.
 */
export interface CallRecord {
  at: string;
  method: string;
  path: string;
  apiKey: string | null;
  headers: Record<string, string>;
  body: unknown;
  /** The HTTP status answered, or null while pending or when no answer came (timeout, reset). */
  status: number | null;
}

/** The headers that carry the key, dropped from the recorded headers. */
const AUTH_HEADERS = new Set(['authorization', 'x-api-key']);

/** Records API calls in arrival order; hands out copies so callers cannot alter the record. */
export class CallLog {
  #records: CallRecord[] = [];

  /** Records a request as it arrives and returns the entry so its status can be set later. */
  record(
    entry: Omit<CallRecord, 'at' | 'status' | 'headers'>,
    headers: IncomingHttpHeaders,
  ): CallRecord {
    const record: CallRecord = {
      at: new Date().toISOString(),
      ...entry,
      headers: withoutAuth(headers),
      status: null,
    };

    this.#records.push(record);
    return record;
  }

  /** Returns a deep copy of the records, oldest first. */
  list(): CallRecord[] {
    return structuredClone(this.#records);
  }

  /** Forgets every record. */
  clear(): void {
    this.#records = [];
  }
}

function withoutAuth(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};

  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !AUTH_HEADERS.has(name)) {
      kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }

  return kept;
}
