import { describe, expect, it } from 'vitest';
import { maskKeysIn, redact } from '../../../functions/shared/redact.js';
import { newFakeApiToken, newFakeKey } from './fake-keys.js';

const hintOf = (key: string) => `sk-ant-****${key.slice(-4)}`;

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = { inner: value };
  return value;
}

describe('maskKeysIn', () => {
  it('masks a key to its hint inside a sentence', () => {
    const key = newFakeKey();

    const masked = maskKeysIn(`calling Anthropic with ${key} failed`);

    expect(masked).toBe(`calling Anthropic with ${hintOf(key)} failed`);
  });

  it('masks every key when a string holds several', () => {
    const first = newFakeKey();
    const second = newFakeKey();

    const masked = maskKeysIn(`${first},${second}`);

    expect(masked).toBe(`${hintOf(first)},${hintOf(second)}`);
  });

  it('masks keys of other Anthropic formats too', () => {
    const adminKey = newFakeKey('sk-ant-admin01-');

    const masked = maskKeysIn(adminKey);

    expect(masked).toBe(hintOf(adminKey));
  });

  it('masks a service API token', () => {
    const token = newFakeApiToken();

    const masked = maskKeysIn(`token=${token}`);

    expect(masked).toBe('token=mt_****');
  });

  it('masks a bearer credential whatever its case', () => {
    const token = newFakeApiToken();

    const masked = maskKeysIn(`authorization: bearer ${token}`);

    expect(masked).toBe('authorization: Bearer ****');
    expect(masked).not.toContain(token);
  });

  it('leaves text without secrets as it is', () => {
    const text = 'sk-ant- is the prefix; mt_ short; nothing else';

    const masked = maskKeysIn(text);

    expect(masked).toBe(text);
  });
});

describe('redact', () => {
  it('masks keys in nested objects and arrays', () => {
    const key = newFakeKey();
    const input = { request: { messages: [{ content: [`use ${key}`] }] } };

    const output = redact(input);

    expect(output).toEqual({ request: { messages: [{ content: [`use ${hintOf(key)}`] }] } });
  });

  it.each([
    'authorization',
    'Authorization',
    'x-api-key',
    'X-Api-Key',
    'cookie',
    'set-cookie',
    'byoApiKey',
    'apiKey',
    'SecretString',
  ])('replaces the value of a field named %s', (field) => {
    const input = { [field]: 'anything at all', kept: 'visible' };

    const output = redact(input);

    expect(output).toEqual({ [field]: '[REDACTED]', kept: 'visible' });
  });

  it('replaces a secret field even when its value is an object', () => {
    const input = { headers: { 'x-api-key': { value: newFakeKey() } } };

    const output = redact(input);

    expect(output).toEqual({ headers: { 'x-api-key': '[REDACTED]' } });
  });

  it('masks keys in an error-like object', () => {
    const key = newFakeKey();
    const errorLike = { name: 'APIError', message: `bad ${key}`, stack: `at ${key}` };

    const output = JSON.stringify(redact(errorLike));

    expect(output).not.toContain(key);
    expect(output).toContain(`bad ${hintOf(key)}`);
  });

  it('keeps the message of an Error with its key masked', () => {
    const key = newFakeKey();
    const error = new Error(`Anthropic refused ${key}`);

    const output = JSON.stringify(redact(error));

    expect(output).not.toContain(key);
    expect(output).toContain(`Anthropic refused ${hintOf(key)}`);
  });

  it('masks a key used as a field name', () => {
    const key = newFakeKey();

    const output = JSON.stringify(redact({ [key]: 'cached credential' }));

    expect(output).not.toContain(key);
  });

  it('returns numbers, booleans, null and undefined unchanged', () => {
    const values = [42, true, null, undefined];

    const outputs = values.map((value) => redact(value));

    expect(outputs).toEqual(values);
  });

  it('does not change its input', () => {
    const key = newFakeKey();
    const input = { note: key, list: [key], apiKey: key };

    redact(input);

    expect(input).toEqual({ note: key, list: [key], apiKey: key });
  });

  it('stops at the depth limit on deeply nested input without throwing', () => {
    const key = newFakeKey();
    const deep = nested(10_000, key);

    const output = JSON.stringify(redact(deep));

    expect(output).toContain('[depth limit]');
    expect(output).not.toContain(key);
  });

  it('stops at the depth limit on a circular object', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;

    const output = JSON.stringify(redact(circular));

    expect(output).toContain('[depth limit]');
  });

  it('keeps shallow nesting intact', () => {
    const input = nested(5, 'leaf');

    const output = redact(input);

    expect(output).toEqual(input);
  });
});
