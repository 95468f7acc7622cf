import type { ErrorCode } from '../../shared/errors.js';
import { API_BASE_PATH } from '../routes.js';
import { componentSchemas, errorSchema } from './components.js';
import { errorHeaders } from './error-responses.js';
import { CACHE_CONTROL, headersObject, jsonContent, operationObject } from './operation-object.js';
import { routeContracts } from './operations.js';

/** Where the fallback function serves the document, with no token needed. */
export const OPENAPI_PATH = `${API_BASE_PATH}/openapi.json`;

/** The document describes itself too: served to anyone, no token needed. */
const documentOperation = {
  operationId: 'getOpenApiDocument',
  summary: 'This OpenAPI document',
  security: [],
  responses: {
    '200': {
      description: 'The OpenAPI 3.1 document of this API',
      headers: headersObject(CACHE_CONTROL),
      content: jsonContent({ type: 'object', required: ['openapi', 'paths'] }),
    },
  },
};

/** What the fallback function answers for a path, or a method, that no route has. */
function fallbackResponse(description: string, code: ErrorCode, status: number) {
  return {
    description,
    headers: headersObject({ ...CACHE_CONTROL, ...errorHeaders(status) }),
    content: jsonContent(errorSchema([code])),
  };
}

const relative = (path: string) => path.slice(API_BASE_PATH.length);

function paths(): Record<string, Record<string, unknown>> {
  const byPath: Record<string, Record<string, unknown>> = {
    [relative(OPENAPI_PATH)]: { get: documentOperation },
  };
  for (const { route, operation } of routeContracts()) {
    const path = relative(route.path);
    byPath[path] = {
      ...byPath[path],
      [route.method.toLowerCase()]: operationObject(route, operation),
    };
  }
  return byPath;
}

function buildDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Agent LLM credentials',
      version: '1',
      description:
        "Runs agents' Anthropic calls on the platform's key or the workspace's own (BYO), " +
        'metered and held to daily caps. Every error answers ' +
        '`{"error": {"code", "message", "requestId", …}}` with a stable `code`; a path no ' +
        'route has answers `RouteNotFound`, a method it lacks `MethodNotAllowed`.',
    },
    servers: [{ url: API_BASE_PATH }],
    security: [{ bearer: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token: `mt_` and 256 random bits, one per workspace member',
        },
      },
      schemas: componentSchemas(),
      responses: {
        RouteNotFound: fallbackResponse('No route has this path', 'route_not_found', 404),
        MethodNotAllowed: fallbackResponse(
          'The path exists with other methods',
          'method_not_allowed',
          405,
        ),
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let built: OpenApiDocument | undefined;

/**
 * The API's OpenAPI 3.1 document, generated from the route table, the zod
 * schemas the handlers parse with and the answer schemas beside them: one
 * source, so the document cannot drift from what the handlers do. Built once
 * per execution environment.
 */
export function openApiDocument(): OpenApiDocument {
  built ??= buildDocument();
  return built;
}
