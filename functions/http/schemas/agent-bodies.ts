import { z } from 'zod';
import {
  LLM_PROVIDER,
  MAX_DAILY_SPEND_CAP_CENTS,
  PROMPT_CACHE_TTLS,
} from '../../domain/agents/agent.js';

/** A person-readable name: printable characters only, so it is safe in logs, UIs and CSV. */
const agentName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(
    /^[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]+$/u,
    'must not contain control, format or line-break characters',
  );

/** Model ids as Anthropic writes them: `claude-` and lowercase letters, digits, dots, dashes. */
export const modelId = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(/^claude-[a-z0-9.-]+$/, 'must be an Anthropic model id such as "claude-opus-4-7"');

const dailySpendCapCents = z
  .number()
  .int('must be a whole number of cents')
  .min(0, 'must not be negative')
  .max(MAX_DAILY_SPEND_CAP_CENTS, `must be at most ${MAX_DAILY_SPEND_CAP_CENTS}`);

const llmProvider = z.enum([LLM_PROVIDER.hosted, LLM_PROVIDER.byo]);

/** Body of `POST /agents`. */
export const createAgentBody = z.strictObject({
  name: agentName,
  llmModel: modelId.optional(),
  dailySpendCapCents: dailySpendCapCents.optional(),
  promptCacheTtl: z.enum(PROMPT_CACHE_TTLS).optional(),
});

/** Body of `PATCH /agents/{id}`; every field optional, at least one present. */
export const updateAgentBody = z
  .strictObject({
    name: agentName.optional(),
    llmProvider: llmProvider.optional(),
    llmModel: modelId.optional(),
    // Length and shape are judged by the key format check, which names the problem.
    byoApiKey: z.string().optional(),
    dailySpendCapCents: dailySpendCapCents.optional(),
    promptCacheTtl: z.enum(PROMPT_CACHE_TTLS).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'name at least one field to change' });

export type CreateAgentBody = z.output<typeof createAgentBody>;
export type UpdateAgentBody = z.output<typeof updateAgentBody>;
