import { z } from 'zod';
import { OPENAPI_PATH, type OpenApiDocument } from '../../../functions/http/openapi/document.js';
import { API_BASE_PATH, matchRoute } from '../../../functions/http/routes.js';

/** One answer of the API, as a client saw it. */
export interface ObservedAnswer {
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query. */
  readonly path: string;
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

type Json = Record<string, unknown>;

interface ResponseObject {
  readonly headers?: Record<string, { required?: boolean; schema: Json }>;
  readonly content?: Record<string, { schema: Json }>;
}

/**
 * Checks answers against the OpenAPI document the API serves, compiling its
 * JSON Schemas back into zod: what is checked is the published contract, not
 * the schemas it was made from. Compiled schemas are kept per response object.
 */
export class ContractValidator {
  readonly #document: OpenApiDocument;
  readonly #compiled = new WeakMap<object, z.ZodType>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
  }

  /** Every way the answer breaks the contract; empty when it conforms. */
  violations(answer: ObservedAnswer): string[] {
    const found = this.#responseObject(answer);
    if (typeof found === 'string') return [found];

    return [
      ...this.#contentTypeViolations(answer, found),
      ...this.#bodyViolations(answer, found),
      ...this.#headerViolations(answer, found),
    ];
  }

  /** The response object the contract declares for this answer, or why there is none. */
  #responseObject(answer: ObservedAnswer): ResponseObject | string {
    const label = `${answer.method} ${answer.path} → ${answer.status}`;
    const operation = this.#operation(answer);
    const responses = (operation?.responses ?? this.#fallbackResponses(answer)) as Record<
      string,
      ResponseObject
    >;
    const response = responses[String(answer.status)];
    if (!response) {
      return `${label}: status not declared (declared: ${Object.keys(responses).join(', ')})`;
    }
    return response;
  }

  #operation(answer: ObservedAnswer): { responses: unknown } | undefined {
    const paths = this.#document.paths as Record<string, Record<string, { responses: unknown }>>;
    const method = answer.method.toLowerCase();
    if (answer.path === OPENAPI_PATH) return paths[relative(OPENAPI_PATH)]?.[method];

    const { route } = matchRoute(answer.method, answer.path);
    return route ? paths[relative(route.path)]?.[method] : undefined;
  }

  /** What the fallback function may answer: 404 for an unknown path, 405 for a known one. */
  #fallbackResponses(answer: ObservedAnswer) {
    const { responses } = this.#document.components;
    const known =
      answer.path === OPENAPI_PATH || matchRoute(answer.method, answer.path).allowedMethods.length;
    return known ? { '405': responses.MethodNotAllowed } : { '404': responses.RouteNotFound };
  }

  #contentTypeViolations(answer: ObservedAnswer, response: ResponseObject): string[] {
    const declared = Object.keys(response.content ?? {});
    const actual = answer.headers['content-type']?.split(';')[0]?.trim();
    if (declared.length === 0 || declared.includes(actual ?? '')) return [];
    return [`${label(answer)}: content-type ${actual} not declared (${declared.join(', ')})`];
  }

  #bodyViolations(answer: ObservedAnswer, response: ResponseObject): string[] {
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [];
    const result = this.#compile(schema).safeParse(answer.body);
    if (result.success) return [];
    return result.error.issues.map(
      (issue) => `${label(answer)}: body ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }

  #headerViolations(answer: ObservedAnswer, response: ResponseObject): string[] {
    return Object.entries(response.headers ?? {}).flatMap(([name, header]) => {
      const value = answer.headers[name.toLowerCase()];
      if (value === undefined) {
        return header.required ? [`${label(answer)}: required header ${name} missing`] : [];
      }
      const result = this.#compile(header.schema).safeParse(coerced(value, header.schema));
      return result.success
        ? []
        : [`${label(answer)}: header ${name}: "${value}" does not conform`];
    });
  }

  #compile(schema: Json): z.ZodType {
    const known = this.#compiled.get(schema);
    if (known) return known;
    const compiled = z.fromJSONSchema(this.#dereferenced(schema) as never);
    this.#compiled.set(schema, compiled);
    return compiled;
  }

  /** The schema with every `#/components/schemas/…` reference replaced by the component. */
  #dereferenced(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((item) => this.#dereferenced(item));
    if (!node || typeof node !== 'object') return node;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string') {
      const schemas = this.#document.components.schemas as Record<string, unknown>;
      return this.#dereferenced(schemas[ref.replace('#/components/schemas/', '')]);
    }
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, this.#dereferenced(value)]),
    );
  }
}

const relative = (path: string) => path.slice(API_BASE_PATH.length);
const label = (answer: ObservedAnswer) => `${answer.method} ${answer.path} → ${answer.status}`;

/** A header value as its schema reads it: headers are text, `Retry-After: 5` means the number 5. */
function coerced(value: string, schema: Json): unknown {
  const numeric = schema.type === 'integer' || schema.type === 'number';
  return numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
