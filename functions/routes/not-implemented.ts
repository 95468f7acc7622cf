import type { ApiRequest } from '../http/api-handler.js';
import { errorResult } from '../http/envelope.js';

/** A route the API declares but does not serve yet. */
export async function notImplementedRoute(request: ApiRequest) {
  return errorResult(501, {
    code: 'not_implemented',
    message: 'This route is not available yet',
    requestId: request.requestId,
  });
}
