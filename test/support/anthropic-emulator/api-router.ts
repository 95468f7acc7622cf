import { type ApiReply, errorReply } from './errors.js';
import { handleCreateMessage } from './messages-route.js';
import { handleGetModel, handleListModels } from './models-route.js';
import type { EmulatorState } from './state.js';

const MODEL_PATH = /^\/v1\/models\/([^/]+)$/;

/** Sends a `/v1/*` request to its route; anything unrouted gets the API's 404 body. */
export function routeApi(
  state: EmulatorState,
  method: string,
  path: string,
  apiKey: string | null,
  body: unknown,
): ApiReply {
  if (method === 'POST' && path === '/v1/messages') {
    return handleCreateMessage(state, apiKey, body);
  }
  if (method === 'GET' && path === '/v1/models') {
    return handleListModels(state, apiKey);
  }

  const modelId = method === 'GET' ? MODEL_PATH.exec(path)?.[1] : undefined;
  if (modelId) {
    return handleGetModel(state, apiKey, decodeURIComponent(modelId));
  }

  return errorReply(404, `Not found: ${method} ${path}`);
}
