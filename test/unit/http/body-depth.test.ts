import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_BODY_DEPTH } from '../../../functions/http/body-depth.js';

function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe('jsonDepth', () => {
  it('counts scalars as depth 0 and each array or object level as one', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ messages: [{ content: [{ type: 'text' }] }] })).toBe(5);
  });

  it('measures a body nested far past the limit without overflowing the stack', () => {
    const hostile = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);

    const depth = jsonDepth(hostile);

    expect(depth).toBe(100_000);
    expect(depth).toBeGreaterThan(MAX_BODY_DEPTH);
  });

  it('keeps a body exactly at the limit within it', () => {
    expect(jsonDepth(nestedArrays(MAX_BODY_DEPTH))).toBe(MAX_BODY_DEPTH);
  });
});
