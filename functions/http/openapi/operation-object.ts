import { z } from 'zod';
import { compilePath, type RouteDefinition } from '../routes.js';
import { answerSchema, errorSchema } from './components.js';
import { errorHeaders, errorsByStatus, type HeaderContract } from './error-responses.js';
import { type JsonSchema, toJsonSchema } from './json-schema.js';
import { type OperationContract, routeErrors } from './operations.js';

/** A path parameter exactly as the route table matches it: one segment of id characters. */
export const PATH_PARAMETER_PATTERN = (() => {
  const source = compilePath('/{id}').source;
  const group = /\(\?<id>([^)]+)\)/.exec(source)?.[1];
  if (!group) throw new Error(`Cannot read the path parameter pattern from ${source}`);
  return `^${group}$`;
})();

/** Every answer carries `Cache-Control: no-store`: nothing of an agent's settings may be cached. */
export const CACHE_CONTROL: Readonly<Record<string, HeaderContract>> = {
  'Cache-Control': {
    description: 'Never cache an answer',
    required: true,
    schema: z.literal('no-store'),
  },
};

/** Where a created agent's id leads: stateful fuzzers follow these. */
const LINKS_FROM_CREATED = {
  GetAgent: 'getAgent',
  UpdateAgent: 'updateAgent',
  ListAuditEvents: 'listAuditEvents',
  GetAgentSpend: 'getAgentSpend',
  CreateAgentMessage: 'createAgentMessage',
};

export const jsonContent = (schema: JsonSchema) => ({ 'application/json': { schema } });

export function headersObject(headers: Readonly<Record<string, HeaderContract>>) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, header]) => [
      name,
      {
        description: header.description,
        required: header.required,
        schema: toJsonSchema(header.schema, 'output'),
      },
    ]),
  );
}

function successResponse(operation: OperationContract) {
  const { success } = operation;
  const links = Object.fromEntries(
    Object.entries(LINKS_FROM_CREATED).map(([name, operationId]) => [
      name,
      { operationId, parameters: { id: '$response.body#/id' } },
    ]),
  );
  return {
    description: success.description,
    headers: headersObject({ ...CACHE_CONTROL, ...success.headers }),
    content: jsonContent(answerSchema(success.schema)),
    ...(operation.operationId === 'createAgent' ? { links } : {}),
  };
}

function errorResponses(route: RouteDefinition, operation: OperationContract) {
  const byStatus = errorsByStatus(routeErrors(route, operation));
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `Error: ${codes.join(', ')}`,
        headers: headersObject({
          ...CACHE_CONTROL,
          ...errorHeaders(status),
          ...operation.errorHeaders,
        }),
        content: jsonContent(errorSchema(codes)),
      },
    ]),
  );
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const json = toJsonSchema(query, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
}

const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The ETag the change was planned on; 412 when the agent changed since',
  schema: { type: 'string' },
};

function parameters(route: RouteDefinition, operation: OperationContract) {
  const pathNames = [...route.path.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1]);
  const inPath = pathNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: PATH_PARAMETER_PATTERN },
  }));
  const ifMatch = operation.ifMatch ? [IF_MATCH] : [];
  return [...inPath, ...queryParameters(operation.query), ...ifMatch];
}

/** One route's OpenAPI operation object, from its contract. */
export function operationObject(route: RouteDefinition, operation: OperationContract) {
  const inputs = parameters(route, operation);
  const body = operation.body && {
    required: true,
    content: jsonContent(toJsonSchema(operation.body, 'input')),
  };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(inputs.length > 0 ? { parameters: inputs } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(operation.success.status)]: successResponse(operation),
      ...errorResponses(route, operation),
    },
  };
}
