import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyFormatProblem,
  MAX_KEY_LENGTH,
  MIN_KEY_LENGTH,
  normaliseApiKey,
} from '../../../../functions/domain/keys/key-format.js';
import { ServiceError } from '../../../../functions/shared/errors.js';
import { KEY_PREFIX, keyBodyArbitrary, newFakeKey } from '../../shared/fake-keys.js';
import { serviceErrorFrom } from '../../shared/refusal.js';

const refusalOf = (raw: string) => serviceErrorFrom(() => normaliseApiKey(raw));

/** A key of today's format resized to `length` characters. */
const keyOfLength = (length: number) => newFakeKey().padEnd(length, 'a').slice(0, length);

describe('keyFormatProblem', () => {
  it('accepts a 108-character key of today’s format', () => {
    const key = newFakeKey();

    const problem = keyFormatProblem(key);

    expect(key).toHaveLength(108);
    expect(problem).toBeUndefined();
  });

  it('accepts keys at both length bounds', () => {
    const shortest = keyOfLength(MIN_KEY_LENGTH);
    const longest = keyOfLength(MAX_KEY_LENGTH);

    const problems = [keyFormatProblem(shortest), keyFormatProblem(longest)];

    expect(problems).toEqual([undefined, undefined]);
  });

  it.each([
    ['the bare prefix', 'sk-ant-'],
    ['a key one character too short', keyOfLength(MIN_KEY_LENGTH - 1)],
    ['a key one character too long', keyOfLength(MAX_KEY_LENGTH + 1)],
    ['an Admin API key', newFakeKey('sk-ant-admin01-')],
    ['a Claude Code OAuth token', newFakeKey('sk-ant-oat01-')],
    ['a key with a space inside', newFakeKey().replace(/^(.{50})./, '$1 ')],
    ['a key with a dot inside', newFakeKey().replace(/^(.{50})./, '$1.')],
    ['a key with a non-ASCII letter', newFakeKey().replace(/^(.{50})./, '$1é')],
    ['an OpenAI-style key', `sk-${newFakeKey().slice(7)}`],
    ['an empty string', ''],
  ])('refuses %s', (_label, input) => {
    const problem = keyFormatProblem(input);

    expect(problem).toEqual(expect.any(String));
  });

  it('names the Admin key as the problem', () => {
    const problem = keyFormatProblem(newFakeKey('sk-ant-admin01-'));

    expect(problem).toContain('Admin API key');
  });

  it('names the OAuth token as the problem', () => {
    const problem = keyFormatProblem(newFakeKey('sk-ant-oat01-'));

    expect(problem).toContain('OAuth token');
  });
});

describe('normaliseApiKey', () => {
  it('returns a valid key unchanged', () => {
    const key = newFakeKey();

    const normalised = normaliseApiKey(key);

    expect(normalised).toBe(key);
  });

  it('trims whitespace a paste adds around the key', () => {
    const key = newFakeKey();

    const normalised = normaliseApiKey(`  \t${key}\r\n`);

    expect(normalised).toBe(key);
  });

  it('refuses a malformed key with byo_key_malformed and a 400', () => {
    const key = newFakeKey('sk-ant-admin01-');

    const error = refusalOf(key);

    expect(error.code).toBe('byo_key_malformed');
    expect(error.statusCode).toBe(400);
    expect(error.details).toEqual({
      fields: [{ field: 'byoApiKey', problem: expect.any(String) }],
    });
  });

  it.each([
    ['an Admin API key', () => newFakeKey('sk-ant-admin01-')],
    ['an OAuth token', () => newFakeKey('sk-ant-oat01-')],
    ['a key with a bad character', () => `${newFakeKey()}!`],
    ['a key far too long', () => newFakeKey() + newFakeKey() + newFakeKey()],
  ])('never quotes %s in the error', (_label, makeKey) => {
    const key = makeKey();

    const error = refusalOf(key);

    const everything = `${error.message} ${JSON.stringify(error.details)}`;
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(key.slice(KEY_PREFIX.length, KEY_PREFIX.length + 20));
  });
});

describe('normaliseApiKey properties', () => {
  it('never quotes an input of 8 or more characters in the error', () => {
    const input = fc.oneof(
      fc.string({ minLength: 8 }),
      fc.string({ unit: 'binary', minLength: 8 }),
      keyBodyArbitrary(8, 300).map((body) => `sk-ant-${body}`),
      keyBodyArbitrary(8, 300).map((body) => `sk-ant-admin01-${body}`),
      fc
        .tuple(keyBodyArbitrary(20, 120), fc.constantFrom(' ', '.', '+', '/', '='), fc.nat(119))
        .map(([body, bad, at]) => `${KEY_PREFIX}${body.slice(0, at)}${bad}${body.slice(at)}`),
    );

    fc.assert(
      fc.property(input, (raw) => {
        let error: unknown;
        try {
          normaliseApiKey(raw);
        } catch (caught) {
          error = caught;
        }

        if (error === undefined) return;
        expect(error).toBeInstanceOf(ServiceError);
        const serviceError = error as ServiceError;
        expect(serviceError.code).toBe('byo_key_malformed');
        expect(serviceError.message).not.toContain(raw);
        expect(JSON.stringify(serviceError.details)).not.toContain(raw);
      }),
    );
  });

  it('accepts every key of the key alphabet within the length bounds', () => {
    const body = keyBodyArbitrary(
      MIN_KEY_LENGTH - KEY_PREFIX.length,
      MAX_KEY_LENGTH - KEY_PREFIX.length,
    );

    fc.assert(
      fc.property(body, (keyBody) => {
        const key = `${KEY_PREFIX}${keyBody}`;

        expect(normaliseApiKey(key)).toBe(key);
      }),
    );
  });
});
