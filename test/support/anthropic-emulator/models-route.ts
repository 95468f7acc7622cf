import { authenticate } from './auth.js';
import { type ApiReply, errorReply } from './errors.js';
import { modelsForKey } from './keys.js';
import type { EmulatorState } from './state.js';

/**
 * Answers `GET /v1/models` with the models the key may call, in one page. Paging parameters are
 * ignored: the catalogue is small, and `has_more: false` stops the SDK's auto-pagination.
 */
export function handleListModels(state: EmulatorState, apiKey: string | null): ApiReply {
  const auth = authenticate(state.keys, apiKey);
  if (!auth.ok) {
    return auth.reply;
  }

  const data = modelsForKey(auth.entry);
  const body = {
    data,
    has_more: false,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };

  return { status: 200, body };
}

/** Answers `GET /v1/models/{id}`, with 404 for models the key cannot see, like the listing. */
export function handleGetModel(
  state: EmulatorState,
  apiKey: string | null,
  modelId: string,
): ApiReply {
  const auth = authenticate(state.keys, apiKey);
  if (!auth.ok) {
    return auth.reply;
  }

  const info = modelsForKey(auth.entry).find((entry) => entry.id === modelId);
  if (!info) {
    return errorReply(404, `model: ${modelId}`);
  }

  return { status: 200, body: info };
}
