import { type Parsed, parseConfigInput, parseFaultInput, parseKeyInput } from './admin-input.js';
import { type ApiReply, errorReply } from './errors.js';
import type { EmulatorState } from './state.js';

/** The admin API's path prefix, kept apart from `/v1` so admin calls are never recorded. */
export const ADMIN_PREFIX = '/_emulator/';

/** A successful admin command; the server writes it as 204 No Content. */
const NO_CONTENT: ApiReply = { status: 204, body: null };

/**
 * Answers the admin API, which lets tests in other processes drive the emulator over HTTP.
 * Errors reuse the API's error body so a mistyped admin call is as readable as an API error.
 */
export function handleAdmin(
  state: EmulatorState,
  method: string,
  path: string,
  body: unknown,
): ApiReply {
  const route = `${method} ${path.slice(ADMIN_PREFIX.length - 1)}`;

  switch (route) {
    case 'POST /keys':
      return apply(parseKeyInput(body), ({ key, options }) => state.keys.register(key, options));
    case 'POST /faults':
      return apply(parseFaultInput(body), (fault) => state.faults.push(fault));
    case 'POST /config':
      return apply(parseConfigInput(body), (update) => state.configure(update));
    case 'GET /calls':
      return { status: 200, body: { calls: state.calls.list() } };
    case 'DELETE /calls':
      state.calls.clear();
      return NO_CONTENT;
    case 'POST /reset':
      state.reset();
      return NO_CONTENT;
    default:
      return errorReply(404, `no admin route for ${method} ${path}`);
  }
}

function apply<T>(parsed: Parsed<T>, command: (value: T) => void): ApiReply {
  if (!parsed.ok) {
    return errorReply(400, parsed.message);
  }

  command(parsed.value);
  return NO_CONTENT;
}
