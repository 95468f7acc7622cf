import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DAILY_SPEND_CAP_CENTS } from '../../../functions/domain/agents/agent.js';
import { normaliseApiKey } from '../../../functions/domain/keys/key-format.js';
import { parseInput } from '../../../functions/http/parse.js';
import { createAgentBody, updateAgentBody } from '../../../functions/http/schemas/agent-bodies.js';
import { newFakeKey } from '../shared/fake-keys.js';
import { fieldsOf, serviceErrorFrom } from '../shared/refusal.js';

const refusalOf = (schema: Parameters<typeof parseInput>[0], input: unknown) =>
  serviceErrorFrom(() => parseInput(schema, input));

describe('parseInput with the agent bodies', () => {
  it('returns a valid create body, trimming the name', () => {
    const body = parseInput(createAgentBody, {
      name: '  Support bot ',
      llmModel: 'claude-sonnet-4-5',
      dailySpendCapCents: 500,
      promptCacheTtl: '1h',
    });

    expect(body).toEqual({
      name: 'Support bot',
      llmModel: 'claude-sonnet-4-5',
      dailySpendCapCents: 500,
      promptCacheTtl: '1h',
    });
  });

  it('refuses an unknown field with unknown_field naming it', () => {
    const error = refusalOf(updateAgentBody, { name: 'x', workspaceId: 'ws_other' });

    expect(error.code).toBe('unknown_field');
    expect(error.statusCode).toBe(400);
    expect(error.details).toEqual({
      fields: [{ field: 'workspaceId', problem: 'is not a field of this resource' }],
    });
  });

  it('names every unknown field, not just the first', () => {
    const error = refusalOf(createAgentBody, {
      name: 'x',
      version: 9,
      llmProvider: 'BYO_ANTHROPIC',
    });

    expect(fieldsOf(error).sort()).toEqual(['llmProvider', 'version']);
  });

  it('refuses a __proto__ field from JSON as an unknown field', () => {
    const input: unknown = JSON.parse('{"__proto__": 1, "name": "x"}');

    const error = refusalOf(updateAgentBody, input);

    expect(error.code).toBe('unknown_field');
    expect(fieldsOf(error)).toEqual(['__proto__']);
  });

  it('refuses a __proto__ object that tries to smuggle a field', () => {
    const input: unknown = JSON.parse('{"__proto__": {"dailySpendCapCents": 1}, "name": "x"}');

    const error = refusalOf(createAgentBody, input);

    expect(error.code).toBe('unknown_field');
    expect(({} as Record<string, unknown>).dailySpendCapCents).toBeUndefined();
  });

  it.each([
    ['a NUL', 'bad\u0000name'],
    ['a line feed inside', 'two\nlines'],
    ['an escape character', 'colour\u001b[31m'],
    ['a tab inside', 'tab\there'],
    ['a DEL', 'bad\u007fname'],
    ['a zero-width space', 'zero\u200bwidth'],
    ['a right-to-left override', 'evil\u202etxt.exe'],
    ['a byte order mark inside', 'na\ufeffme'],
  ])('refuses a name with %s', (_label, name) => {
    const error = refusalOf(createAgentBody, { name });

    expect(error.code).toBe('validation_failed');
    expect(fieldsOf(error)).toEqual(['name']);
  });

  it.each([
    ['an empty name', ''],
    ['a name of spaces only', '   '],
    ['a name over 100 characters', 'n'.repeat(101)],
  ])('refuses %s', (_label, name) => {
    const error = refusalOf(createAgentBody, { name });

    expect(new Set(fieldsOf(error))).toEqual(new Set(['name']));
  });

  it('accepts a name of 100 characters in any script', () => {
    const name = `Ågent ✓ 代理 ${'n'.repeat(89)}`;

    const body = parseInput(createAgentBody, { name });

    expect(body.name).toBe(name);
  });

  it.each([
    ['negative', -1],
    ['fractional', 10.5],
    ['over the maximum', MAX_DAILY_SPEND_CAP_CENTS + 1],
    ['a string', '100'],
    ['null', null],
  ])('refuses a cap that is %s', (_label, cap) => {
    const error = refusalOf(updateAgentBody, { dailySpendCapCents: cap });

    expect(error.code).toBe('validation_failed');
    expect(fieldsOf(error)).toEqual(['dailySpendCapCents']);
  });

  it('accepts caps of zero and of the maximum', () => {
    const caps = [0, MAX_DAILY_SPEND_CAP_CENTS].map(
      (cap) => parseInput(updateAgentBody, { dailySpendCapCents: cap }).dailySpendCapCents,
    );

    expect(caps).toEqual([0, MAX_DAILY_SPEND_CAP_CENTS]);
  });

  it('refuses an empty PATCH body', () => {
    const error = refusalOf(updateAgentBody, {});

    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual({
      fields: [{ field: '(body)', problem: 'name at least one field to change' }],
    });
  });

  it.each([null, [], 'text', 42])('refuses a body that is not an object: %j', (body) => {
    const error = refusalOf(updateAgentBody, body);

    expect(error.code).toBe('validation_failed');
  });

  it.each([
    'gpt-4o',
    'Claude-Sonnet-4-5',
    'claude-sonnet 4',
    'claude-',
    `claude-${'a'.repeat(100)}`,
  ])('refuses the model id %s', (llmModel) => {
    const error = refusalOf(updateAgentBody, { llmModel });

    expect(fieldsOf(error)).toEqual(['llmModel']);
  });

  it('refuses an unknown provider and cache lifetime, naming both', () => {
    const error = refusalOf(updateAgentBody, { llmProvider: 'OPENAI', promptCacheTtl: '24h' });

    expect(fieldsOf(error).sort()).toEqual(['llmProvider', 'promptCacheTtl']);
  });

  it('accepts a key of any shape for the key check to judge', () => {
    const key = newFakeKey();

    const body = parseInput(updateAgentBody, { byoApiKey: key });

    expect(body.byoApiKey).toBe(key);
  });

  it('leaves the length of a key to the key format check, which names it byo_key_malformed', () => {
    const key = newFakeKey().repeat(10);

    const body = parseInput(updateAgentBody, { byoApiKey: key });
    const error = serviceErrorFrom(() => normaliseApiKey(body.byoApiKey ?? ''));

    expect(error.code).toBe('byo_key_malformed');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(key.slice(0, 40));
  });
});

describe('parseInput properties', () => {
  const knownFields = [
    'name',
    'llmProvider',
    'llmModel',
    'byoApiKey',
    'dailySpendCapCents',
    'promptCacheTtl',
  ];
  const unknownField = fc.string({ minLength: 1 }).filter((field) => !knownFields.includes(field));

  it('refuses any unknown field with unknown_field naming it', () => {
    fc.assert(
      fc.property(unknownField, fc.jsonValue(), (field, value) => {
        const input = JSON.parse(JSON.stringify({ name: 'x', [field]: value ?? null }));

        const error = refusalOf(updateAgentBody, input);

        expect(error.code).toBe('unknown_field');
        expect(fieldsOf(error)).toContain(field);
      }),
    );
  });

  it('refuses any name holding a control character', () => {
    const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

    fc.assert(
      fc.property(fc.string({ minLength: 1 }), control, fc.string({ minLength: 1 }), (a, c, b) => {
        const name = `x${a}${c}${b}x`;

        const error = refusalOf(createAgentBody, { name });

        expect(fieldsOf(error)).toContain('name');
      }),
    );
  });

  it('accepts every whole cap from zero to the maximum and nothing else', () => {
    const cap = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    );

    fc.assert(
      fc.property(cap, (value) => {
        const valid = Number.isInteger(value) && value >= 0 && value <= MAX_DAILY_SPEND_CAP_CENTS;

        const result = updateAgentBody.safeParse({ dailySpendCapCents: value });

        expect(result.success).toBe(valid);
      }),
    );
  });
});
