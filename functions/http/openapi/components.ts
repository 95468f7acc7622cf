import type { z } from 'zod';
import type { ErrorCode } from '../../shared/errors.js';
import { ALL_ERROR_CODES, errorEnvelopeSchema } from './error-responses.js';
import { type JsonSchema, namedJsonSchemas, toJsonSchema } from './json-schema.js';
import {
  agentListSchema,
  agentViewSchema,
  anthropicMessageSchema,
  auditEventSchema,
  auditPageSchema,
  daySpendSchema,
  monthUsageSchema,
} from './response-schemas.js';

const ERROR_ENVELOPE = 'ErrorEnvelope';

/** Answer schemas the document names once and refers to, by their component name. */
const NAMED: Readonly<Record<string, z.ZodType>> = {
  AgentView: agentViewSchema,
  AgentList: agentListSchema,
  AuditEvent: auditEventSchema,
  AuditPage: auditPageSchema,
  DaySpend: daySpendSchema,
  MonthUsage: monthUsageSchema,
  AnthropicMessage: anthropicMessageSchema,
  [ERROR_ENVELOPE]: errorEnvelopeSchema(ALL_ERROR_CODES),
};

const refTo = (name: string) => `#/components/schemas/${name}`;

/** `components.schemas` of the document. */
export const componentSchemas = () => namedJsonSchemas(NAMED, refTo);

/** An answer's schema: a `$ref` when it is a named one, else inline. */
export function answerSchema(schema: z.ZodType): JsonSchema {
  const name = Object.keys(NAMED).find((key) => NAMED[key] === schema);
  return name ? { $ref: refTo(name) } : toJsonSchema(schema, 'output');
}

/**
 * The envelope of one error status: the shared envelope with its code narrowed
 * to those the route answers with at that status (the same narrowing that
 * `errorEnvelopeSchema(codes)` makes for validators).
 */
export function errorSchema(codes: readonly ErrorCode[]): JsonSchema {
  return {
    allOf: [
      { $ref: refTo(ERROR_ENVELOPE) },
      {
        type: 'object',
        properties: {
          error: { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
        },
      },
    ],
  };
}
