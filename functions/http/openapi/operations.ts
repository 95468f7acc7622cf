import { z } from 'zod';
import { CREDENTIAL_SOURCE } from '../../domain/spend/ports.js';
import { ROUTES, type RouteDefinition } from '../routes.js';
import { createAgentBody, updateAgentBody } from '../schemas/agent-bodies.js';
import { auditPageQuery } from '../schemas/audit-query.js';
import { messageBody } from '../schemas/message-body.js';
import { spendQuery, usageQuery } from '../schemas/spend-query.js';
import type { HeaderContract, RouteError } from './error-responses.js';
import {
  agentListSchema,
  agentViewSchema,
  anthropicMessageSchema,
  auditPageSchema,
  daySpendSchema,
  monthUsageSchema,
} from './response-schemas.js';

/** What one route accepts and answers: the contract the OpenAPI document is built from. */
export interface OperationContract {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** The very schema the route parses its query with. */
  readonly query?: z.ZodObject;
  /** The very schema the route parses its body with. */
  readonly body?: z.ZodType;
  /** Sends `If-Match` through to the route. */
  readonly ifMatch?: boolean;
  readonly success: {
    readonly status: number;
    readonly description: string;
    readonly schema: z.ZodType;
    readonly headers?: Record<string, HeaderContract>;
  };
  /** Every error the route answers with, beyond those of every authenticated route. */
  readonly errors: readonly RouteError[];
  /** A header some of its error answers carry too (`x-credential-source`). */
  readonly errorHeaders?: Record<string, HeaderContract>;
}

/** Errors every route can answer: a caller not authenticated, a store unavailable. */
export const COMMON_ERRORS: readonly RouteError[] = ['unauthorized', 'dependency_unavailable'];

/** Errors of a route that reads a JSON body: middy's parser, the size limit, the schema. */
const BODY_ERRORS: readonly RouteError[] = [
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
];

const etag: HeaderContract = {
  description: "The agent's version as a strong entity tag; send it back as If-Match",
  required: true,
  schema: z.string().regex(/^"\d+"$/),
};

const agentAnswer = (status: number, description: string) => ({
  status,
  description,
  schema: agentViewSchema,
  headers: { ETag: etag },
});

const wholeNumber = (description: string): HeaderContract => ({
  description,
  required: true,
  schema: z.coerce.number().int().min(0),
});

const credentialSource = (required: boolean): HeaderContract => ({
  description: 'Which credentials served the call: the platform key or the agent’s own',
  required,
  schema: z.enum(CREDENTIAL_SOURCE),
});

/** PATCH's schema says "at least one field" with a refinement JSON Schema cannot show. */
const updateBody = updateAgentBody.meta({ minProperties: 1 });

/** One contract per route of `ROUTES`, keyed `'METHOD /path'` as API Gateway names routes. */
export const OPERATIONS: Readonly<Record<string, OperationContract>> = {
  'GET /api/v1/agents': {
    operationId: 'listAgents',
    summary: "The workspace's agents, oldest first",
    success: { status: 200, description: 'The agents', schema: agentListSchema },
    errors: [],
  },
  'POST /api/v1/agents': {
    operationId: 'createAgent',
    summary: 'Create a hosted agent (OWNER, ADMIN)',
    body: createAgentBody,
    success: {
      ...agentAnswer(201, 'The new agent'),
      headers: {
        ETag: etag,
        Location: {
          description: "The new agent's URL",
          required: true,
          schema: z.string().startsWith('/api/v1/agents/'),
        },
      },
    },
    errors: [...BODY_ERRORS, 'unknown_field', 'model_not_allowed', 'forbidden'],
  },
  'GET /api/v1/agents/{id}': {
    operationId: 'getAgent',
    summary: 'One agent',
    success: agentAnswer(200, 'The agent'),
    errors: ['not_found'],
  },
  'PATCH /api/v1/agents/{id}': {
    operationId: 'updateAgent',
    summary: 'Rename (MEMBER up); change provider, model, key, cap or cache TTL (OWNER, ADMIN)',
    description:
      'Set, rotate or revert a BYO key (see docs/key-lifecycle.md). A new key is validated with ' +
      'a one-token call before anything is stored, and is never echoed back.',
    body: updateBody,
    ifMatch: true,
    success: agentAnswer(200, 'The agent as stored after the change'),
    errors: [
      ...BODY_ERRORS,
      'unknown_field',
      'model_not_allowed',
      'byo_key_malformed',
      'forbidden',
      'not_found',
      'concurrent_modification',
      'precondition_failed',
      'byo_key_invalid',
      'byo_key_forbidden',
      'byo_key_no_credit',
      'model_not_available',
      'too_many_validation_attempts',
      'anthropic_unavailable',
    ],
  },
  'GET /api/v1/agents/{id}/audit-events': {
    operationId: 'listAuditEvents',
    summary: "The agent's audit log, newest first, a page at a time (OWNER, ADMIN)",
    query: auditPageQuery,
    success: { status: 200, description: 'A page of events', schema: auditPageSchema },
    errors: ['validation_failed', 'unknown_field', 'forbidden', 'not_found'],
  },
  'GET /api/v1/agents/{id}/spend': {
    operationId: 'getAgentSpend',
    summary: "The agent's spend on a UTC day, today by default",
    query: spendQuery,
    success: { status: 200, description: "The day's spend", schema: daySpendSchema },
    errors: ['validation_failed', 'unknown_field', 'not_found'],
  },
  'POST /api/v1/agents/{id}/messages': {
    operationId: 'createAgentMessage',
    summary: 'An agent call: an Anthropic Messages API request (MEMBER up)',
    description:
      'The model defaults to the agent’s. The call is held to the agent’s daily spend cap ' +
      '(see docs/spend-caps.md); `stream: true` is not supported yet.',
    body: messageBody,
    success: {
      status: 200,
      description: "Anthropic's message, unchanged",
      schema: anthropicMessageSchema,
      headers: {
        'x-credential-source': credentialSource(true),
        'x-call-cost-microcents': wholeNumber("This call's cost in micro-cents"),
        'x-daily-spend-cents': wholeNumber("The day's settled spend, in cents"),
        'x-daily-cap-cents': wholeNumber("The agent's daily cap, in cents"),
      },
    },
    errors: [
      ...BODY_ERRORS,
      'model_not_allowed',
      'streaming_not_supported',
      'anthropic_invalid_request',
      'forbidden',
      'not_found',
      { code: 'byo_key_invalid', status: 409 },
      'byo_key_no_credit',
      'model_not_available',
      'daily_spend_cap_reached',
      'anthropic_rate_limited',
      'anthropic_unavailable',
      'hosted_key_missing',
    ],
    errorHeaders: { 'x-credential-source': credentialSource(false) },
  },
  'GET /api/v1/usage': {
    operationId: 'getWorkspaceUsage',
    summary: "The workspace's spend in a UTC month, this month by default (OWNER, ADMIN)",
    query: usageQuery,
    success: { status: 200, description: "The month's usage", schema: monthUsageSchema },
    errors: ['validation_failed', 'unknown_field', 'forbidden'],
  },
};

export const routeKeyOf = (route: Pick<RouteDefinition, 'method' | 'path'>) =>
  `${route.method} ${route.path}`;

/** The contract of a route; throws for a route with none, so a new route cannot ship undocumented. */
export function operationOf(route: Pick<RouteDefinition, 'method' | 'path'>): OperationContract {
  const operation = OPERATIONS[routeKeyOf(route)];
  if (!operation) throw new Error(`No OpenAPI contract for route ${routeKeyOf(route)}`);
  return operation;
}

/**
 * Every error a route answers with: those of every route, its own, and, when
 * its path has a parameter, the fallback's 404 for a value that is no id
 * (`/agents/%2e%2e`), which no route matches.
 */
export function routeErrors(route: Pick<RouteDefinition, 'path'>, operation: OperationContract) {
  const pathErrors: RouteError[] = route.path.includes('{') ? ['route_not_found'] : [];
  return [...COMMON_ERRORS, ...operation.errors, ...pathErrors];
}

/** Every route with its contract, in the order of `ROUTES`. */
export const routeContracts = () =>
  ROUTES.map((route) => ({ route, operation: operationOf(route) }));
