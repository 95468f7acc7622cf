import { ServiceError } from '../../shared/errors.js';
import { type HttpResult, jsonResult } from '../envelope.js';
import { OPENAPI_PATH, openApiDocument } from './document.js';

/**
 * The fallback function's answer for the OpenAPI document: the document for
 * `GET /api/v1/openapi.json`, 405 for another method on that path, and
 * undefined for any other path, which stays the fallback's 404 or 405. No
 * token is needed: the document describes the API, nothing of a workspace.
 */
export function openApiAnswer(method: string, path: string): HttpResult | undefined {
  if (path !== OPENAPI_PATH) return undefined;
  if (method !== 'GET') {
    throw new ServiceError('method_not_allowed', 'Use GET on this path', {
      details: { allowedMethods: ['GET'] },
    });
  }
  return jsonResult(200, openApiDocument());
}
