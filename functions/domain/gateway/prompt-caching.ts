import type { PromptCacheTtl } from '../agents/agent.js';

type Block = Record<string, unknown>;

const isBlock = (value: unknown): value is Block =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const blocksOf = (value: unknown): Block[] => (Array.isArray(value) ? value.filter(isBlock) : []);

/** True when the request already places a cache breakpoint of its own anywhere Anthropic reads one. */
export function hasCacheBreakpoint(body: Block): boolean {
  if ('cache_control' in body) return true;
  const messageBlocks = blocksOf(body.messages).flatMap((message) => blocksOf(message.content));
  const blocks = [...blocksOf(body.system), ...blocksOf(body.tools), ...messageBlocks];
  return blocks.some((block) => 'cache_control' in block);
}

/**
 * Turns on Anthropic's automatic prompt caching unless the request places its
 * own breakpoints, since the caller then knows better what is worth caching.
 * The 5-minute cache is Anthropic's default; the 1-hour one costs more to
 * write and is the agent's choice.
 */
export function withPromptCaching(body: Block, ttl: PromptCacheTtl): Block {
  if (hasCacheBreakpoint(body)) return body;
  const cacheControl = ttl === '1h' ? { type: 'ephemeral', ttl: '1h' } : { type: 'ephemeral' };
  return { ...body, cache_control: cacheControl };
}
