import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasCacheBreakpoint,
  withPromptCaching,
} from '../../../../functions/domain/gateway/prompt-caching.js';

const BREAKPOINT = { type: 'ephemeral' };

function request(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-sonnet-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Hello' }],
    ...overrides,
  };
}

describe('withPromptCaching', () => {
  it('adds a 5-minute top-level breakpoint by default', () => {
    const body = request();

    const cached = withPromptCaching(body, '5m');

    expect(cached).toEqual({ ...body, cache_control: { type: 'ephemeral' } });
  });

  it('adds a 1-hour breakpoint when the agent chose 1h', () => {
    const body = request();

    const cached = withPromptCaching(body, '1h');

    expect(cached.cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
  });

  it('does not change the request it was given', () => {
    const body = request();

    withPromptCaching(body, '1h');

    expect(body).not.toHaveProperty('cache_control');
  });

  it('leaves a request with its own top-level breakpoint as it is', () => {
    const body = request({ cache_control: { type: 'ephemeral', ttl: '1h' } });

    const cached = withPromptCaching(body, '5m');

    expect(cached).toBe(body);
  });

  it('leaves a request with a breakpoint on a system block as it is', () => {
    const body = request({
      system: [{ type: 'text', text: 'You are terse.', cache_control: BREAKPOINT }],
    });

    const cached = withPromptCaching(body, '5m');

    expect(cached).toBe(body);
  });

  it('leaves a request with a breakpoint on a message content block as it is', () => {
    const body = request({
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: [{ type: 'text', text: 'long doc', cache_control: BREAKPOINT }] },
      ],
    });

    const cached = withPromptCaching(body, '1h');

    expect(cached).toBe(body);
  });

  it('leaves a request with a breakpoint on a tool as it is', () => {
    const body = request({
      tools: [
        { name: 'search', input_schema: { type: 'object' } },
        { name: 'fetch', input_schema: { type: 'object' }, cache_control: BREAKPOINT },
      ],
    });

    const cached = withPromptCaching(body, '5m');

    expect(cached).toBe(body);
  });

  it('still caches when a user message merely mentions cache_control in its text', () => {
    const body = request({
      system: 'Explain the "cache_control" field.',
      messages: [
        { role: 'user', content: 'What does "cache_control": {"type": "ephemeral"} do?' },
        { role: 'assistant', content: [{ type: 'text', text: 'cache_control marks a prefix' }] },
      ],
    });

    const cached = withPromptCaching(body, '5m');

    expect(cached.cache_control).toEqual({ type: 'ephemeral' });
  });

  it('still caches when a tool description mentions cache_control', () => {
    const body = request({
      tools: [{ name: 'cache_control', description: 'sets cache_control', input_schema: {} }],
    });

    const cached = withPromptCaching(body, '5m');

    expect(cached.cache_control).toEqual({ type: 'ephemeral' });
  });

  it('ignores malformed messages, system and tools instead of throwing', () => {
    const body = request({
      system: 42,
      tools: 'none',
      messages: [null, 'text', [1], { content: 7 }],
    });

    const cached = withPromptCaching(body, '5m');

    expect(cached.cache_control).toEqual({ type: 'ephemeral' });
  });
});

const text = fc.string({ maxLength: 30 });
const textBlock = fc.record({ type: fc.constant('text'), text });
const message = fc.record({
  role: fc.constantFrom('user', 'assistant'),
  content: fc.oneof(text, fc.array(textBlock, { maxLength: 3 })),
});
const bodyWithoutBreakpoints = fc.record(
  {
    model: fc.constant('claude-sonnet-4-5'),
    max_tokens: fc.integer({ min: 1, max: 1000 }),
    messages: fc.array(message, { minLength: 1, maxLength: 4 }),
    system: fc.oneof(text, fc.array(textBlock, { maxLength: 3 })),
    tools: fc.array(fc.record({ name: text, description: text }), { maxLength: 3 }),
  },
  { requiredKeys: ['model', 'max_tokens', 'messages'] },
);

/** Places a breakpoint on one block of one of the places Anthropic reads them. */
function withBreakpointSomewhere(body: Record<string, unknown>, where: number) {
  const marked = { type: 'text', text: 'x', cache_control: BREAKPOINT };
  switch (where % 4) {
    case 0:
      return { ...body, cache_control: BREAKPOINT };
    case 1:
      return { ...body, system: [marked] };
    case 2:
      return { ...body, tools: [{ name: 't', cache_control: BREAKPOINT }] };
    default:
      return { ...body, messages: [{ role: 'user', content: [marked] }] };
  }
}

describe('withPromptCaching properties', () => {
  it('adds exactly one top-level breakpoint and keeps everything else', () => {
    fc.assert(
      fc.property(bodyWithoutBreakpoints, fc.constantFrom('5m', '1h' as const), (body, ttl) => {
        const cached = withPromptCaching(body, ttl);

        const { cache_control: added, ...rest } = cached;
        expect(rest).toEqual(body);
        expect(added).toEqual(ttl === '1h' ? { type: 'ephemeral', ttl: '1h' } : BREAKPOINT);
      }),
    );
  });

  it('returns the request untouched whenever it already has a breakpoint', () => {
    fc.assert(
      fc.property(bodyWithoutBreakpoints, fc.nat(), (body, where) => {
        const marked = withBreakpointSomewhere(body, where);

        expect(hasCacheBreakpoint(marked)).toBe(true);
        expect(withPromptCaching(marked, '1h')).toBe(marked);
      }),
    );
  });
});
