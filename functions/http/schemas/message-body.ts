import { z } from 'zod';
import { modelId } from './agent-bodies.js';

/**
 * What the gateway checks of a Messages API request before spending money on
 * it. Everything else is Anthropic's to judge and is passed through as sent.
 */
export const messageBody = z.looseObject({
  model: modelId.optional(),
  max_tokens: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(128_000, 'must be at most 128000'),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(['user', 'assistant']),
        content: z.union([z.string(), z.array(z.unknown())]),
      }),
    )
    .min(1, 'must hold at least one message'),
  stream: z.boolean().optional(),
  tools: z.array(z.unknown()).optional(),
  inference_geo: z.string().optional(),
});

export type MessageBody = z.output<typeof messageBody>;
