/** A `cache_control` marker as the API accepts it. */
export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

/**
 * One cacheable unit of a prompt (a tool, a system block or a message content block) with its
 * token estimate and a fingerprint that identifies its content for prefix caching.
 */
export interface PromptBlock {
  tokens: number;
  fingerprint: string;
  cacheControl: CacheControl | null;
}

/** Estimates tokens as ceil(chars / 4): crude, but deterministic so tests can predict usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Flattens a Messages request into blocks in the order the API builds its cache prefix: tools,
 * then system, then messages. Text blocks count their text; other blocks count their JSON.
 */
export function flattenPrompt(body: Record<string, unknown>): PromptBlock[] {
  const tools = asArray(body.tools).map((tool) => toBlock('tool', tool));
  const system = systemBlocks(body.system);
  const messages = asArray(body.messages).flatMap(messageBlocks);

  return [...tools, ...system, ...messages];
}

/** Sums the token estimate of a list of blocks. */
export function sumTokens(blocks: readonly PromptBlock[]): number {
  return blocks.reduce((total, block) => total + block.tokens, 0);
}

function systemBlocks(system: unknown): PromptBlock[] {
  if (typeof system === 'string') {
    return system === '' ? [] : [toBlock('system', { type: 'text', text: system })];
  }

  return asArray(system).map((block) => toBlock('system', block));
}

/** Every message costs at least one token, as real messages always carry some framing. */
function messageBlocks(message: unknown): PromptBlock[] {
  const record = asRecord(message);
  const role = typeof record.role === 'string' ? record.role : 'user';
  const content =
    typeof record.content === 'string' ? [{ type: 'text', text: record.content }] : [];
  const blocks = [...content, ...asArray(record.content)].map((block) => toBlock(role, block));

  const last = blocks.at(-1);
  if (!last) {
    return [{ tokens: 1, fingerprint: JSON.stringify([role, null]), cacheControl: null }];
  }
  if (sumTokens(blocks) === 0) {
    last.tokens = 1;
  }

  return blocks;
}

/** The fingerprint leaves out `cache_control` so moving a breakpoint does not change content. */
function toBlock(section: string, raw: unknown): PromptBlock {
  const { cache_control: cacheControl, ...content } = asRecord(raw);
  const counted = typeof content.text === 'string' ? content.text : JSON.stringify(content);

  return {
    tokens: estimateTokens(counted),
    fingerprint: JSON.stringify([section, content]),
    cacheControl: parseCacheControl(cacheControl),
  };
}

/** Reads a `cache_control` value; anything but an ephemeral marker counts as absent. */
export function parseCacheControl(value: unknown): CacheControl | null {
  const record = asRecord(value);
  if (record.type !== 'ephemeral') {
    return null;
  }

  return record.ttl === '1h' ? { type: 'ephemeral', ttl: '1h' } : { type: 'ephemeral', ttl: '5m' };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
