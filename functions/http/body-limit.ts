import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ServiceError } from '../shared/errors.js';

/** The largest request body the API accepts. Agent settings are tiny; LLM prompts are not. */
export const MAX_BODY_BYTES = 64 * 1024;

function bodyBytes(event: APIGatewayProxyEventV2): number {
  if (typeof event.body !== 'string') return 0;
  return event.isBase64Encoded
    ? Buffer.from(event.body, 'base64').byteLength
    : Buffer.byteLength(event.body, 'utf8');
}

/** Refuses an oversized body with 413 before anything parses it. */
export function bodyLimit(maxBytes = MAX_BODY_BYTES): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async (request) => {
      const sizeBytes = bodyBytes(request.event);
      if (sizeBytes > maxBytes) {
        throw new ServiceError('payload_too_large', `The body may be at most ${maxBytes} bytes`, {
          details: { maxBytes },
        });
      }
    },
  };
}
