import { z } from 'zod';
import { BYO_KEY_STATUS, LLM_PROVIDER, PROMPT_CACHE_TTLS } from '../../domain/agents/agent.js';
import { AUDIT_EVENT_TYPE } from '../../domain/audit/audit-event.js';

/**
 * What the API answers, as zod schemas: the contract's response half, beside
 * the request schemas the handlers parse with (../schemas/). Objects are
 * strict, so a field the contract does not name (a secret ARN, a stack trace)
 * fails validation instead of slipping through.
 */

const count = z.number().int().min(0);
const cents = z.number().int().min(0);
const instant = z.iso.datetime();

/** An agent as `functions/routes/agent-view.ts` shows it; key fields only on a BYO agent. */
export const agentViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  llmProvider: z.enum(LLM_PROVIDER),
  llmModel: z.string(),
  dailySpendCapCents: cents,
  promptCacheTtl: z.enum(PROMPT_CACHE_TTLS),
  byoKeyHint: z
    .string()
    .regex(/^sk-ant-\*{4}.{4}$/)
    .optional()
    .describe('`sk-ant-****` and the last four characters; never the key'),
  byoKeyValidatedAt: instant.optional(),
  byoKeyStatus: z.enum(BYO_KEY_STATUS).optional(),
  byoKeySecretId: z.string().optional().describe('Shown to OWNER and ADMIN only'),
  version: z.number().int().min(1).describe('Also the ETag; send it back as If-Match'),
  createdAt: instant,
  updatedAt: instant,
});

export const agentListSchema = z.strictObject({ agents: z.array(agentViewSchema) });

const actorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: z.string(), role: z.string() }),
  z.strictObject({ kind: z.literal('system'), component: z.enum(['gateway', 'cap-reset']) }),
]);

/** An audit event as `functions/routes/audit-view.ts` shows it; keys appear as hints only. */
export const auditEventSchema = z.strictObject({
  id: z.string(),
  type: z.enum(AUDIT_EVENT_TYPE),
  at: instant,
  actor: actorSchema,
  requestId: z.string().optional(),
  changes: z.record(z.string(), z.strictObject({ from: z.unknown(), to: z.unknown() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const auditPageSchema = z.strictObject({
  events: z.array(auditEventSchema),
  nextCursor: z.string().optional().describe('Send as `cursor` for the next page'),
});

const tokenCountsSchema = z.strictObject({
  input: count,
  output: count,
  cacheCreation: count,
  cacheRead: count,
});

/** `GET /agents/{id}/spend`: spend rounded up to the cent, the remaining budget down. */
export const daySpendSchema = z.strictObject({
  day: z.iso.date(),
  spentCents: cents,
  reservedCents: cents,
  capCents: cents,
  remainingCents: cents,
  calls: count,
  tokens: tokenCountsSchema,
  resetsAt: instant,
});

const usageSideSchema = z.strictObject({
  spentCents: cents,
  calls: count,
  tokens: tokenCountsSchema,
});

/** `GET /usage`: the workspace's month, hosted and BYO apart and together. */
export const monthUsageSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  hosted: usageSideSchema,
  byo: usageSideSchema,
  total: z.strictObject({ spentCents: cents, calls: count }),
});

/**
 * `POST /agents/{id}/messages`: Anthropic's message, passed through unchanged,
 * so described loosely; the gateway relies only on `usage`.
 */
export const anthropicMessageSchema = z.looseObject({
  usage: z.looseObject({ input_tokens: count, output_tokens: count }),
});
