/** The fields of a Messages request the emulator reads; the rest is carried along unread. */
export interface MessagesRequest {
  model: string;
  max_tokens: number;
  messages: unknown[];
  stream?: unknown;
  inference_geo?: unknown;
  cache_control?: unknown;
  [field: string]: unknown;
}

/** Outcome of validation: the typed request, or the `invalid_request_error` message to send. */
export type ValidationResult =
  | { ok: true; request: MessagesRequest }
  | { ok: false; message: string };

/**
 * Checks only what every caller must get right: `model`, `max_tokens` and `messages`. Deeper
 * checks are left out on purpose so the emulator never rejects what the real API accepts.
 */
export function validateMessagesRequest(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'Request body must be a JSON object.' };
  }

  const problem = findProblem(body as Record<string, unknown>);
  if (problem) {
    return { ok: false, message: problem };
  }

  return { ok: true, request: body as MessagesRequest };
}

function findProblem(body: Record<string, unknown>): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') {
    return 'model: Field required';
  }
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
    return 'max_tokens: Input should be a positive integer';
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return 'messages: at least one message is required';
  }

  return undefined;
}
