import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ServiceError } from '../shared/errors.js';

/**
 * How deeply a JSON body may nest. Real requests (content blocks, tool input
 * schemas) stay far below; a hostile one nested thousands deep would make
 * every recursive walk of it, JSON.stringify included, overflow the stack.
 */
export const MAX_BODY_DEPTH = 64;

/** The nesting depth of a parsed JSON value, walked without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a parsed body nested deeper than `maxDepth` with 400, before anything walks it. */
export function bodyDepthLimit(maxDepth = MAX_BODY_DEPTH): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async (request) => {
      if (jsonDepth(request.event.body) > maxDepth) {
        throw new ServiceError(
          'validation_failed',
          `The body may nest at most ${maxDepth} levels`,
          {
            details: {
              fields: [{ field: '(body)', problem: `nests deeper than ${maxDepth} levels` }],
            },
          },
        );
      }
    },
  };
}
