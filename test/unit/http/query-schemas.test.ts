import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../functions/http/parse.js';
import { auditPageQuery } from '../../../functions/http/schemas/audit-query.js';
import { messageBody } from '../../../functions/http/schemas/message-body.js';
import { spendQuery, usageQuery } from '../../../functions/http/schemas/spend-query.js';
import { fieldsOf, serviceErrorFrom } from '../shared/refusal.js';

const refusalOf = (schema: Parameters<typeof parseInput>[0], input: unknown) =>
  serviceErrorFrom(() => parseInput(schema, input));

describe('spendQuery', () => {
  it('accepts a real day and no day at all', () => {
    const queries = [parseInput(spendQuery, { day: '2028-02-29' }), parseInput(spendQuery, {})];

    expect(queries).toEqual([{ day: '2028-02-29' }, {}]);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    'today',
  ])('refuses the day %s', (day) => {
    const error = refusalOf(spendQuery, { day });

    expect(error.code).toBe('validation_failed');
    expect(new Set(fieldsOf(error))).toEqual(new Set(['day']));
  });

  it('refuses an unknown query parameter', () => {
    const error = refusalOf(spendQuery, { day: '2026-01-01', from: '2026-01-01' });

    expect(error.code).toBe('unknown_field');
  });

  it('accepts exactly the days of the calendar', () => {
    const dayText = fc
      .tuple(
        fc.integer({ min: 1970, max: 2200 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

    fc.assert(
      fc.property(dayText, (day) => {
        const [year, month, date] = day.split('-').map(Number) as [number, number, number];
        const real = new Date(Date.UTC(year, month - 1, date));
        const isReal =
          month >= 1 &&
          month <= 12 &&
          real.getUTCMonth() === month - 1 &&
          real.getUTCDate() === date;

        const result = spendQuery.safeParse({ day });

        expect(result.success).toBe(isReal);
      }),
    );
  });
});

describe('usageQuery', () => {
  it('accepts a month', () => {
    const query = parseInput(usageQuery, { month: '2026-12' });

    expect(query).toEqual({ month: '2026-12' });
  });

  it.each(['2026-13', '2026-00', '2026-1', '2026-12-01'])('refuses the month %s', (month) => {
    const error = refusalOf(usageQuery, { month });

    expect(new Set(fieldsOf(error))).toEqual(new Set(['month']));
  });
});

describe('auditPageQuery', () => {
  it('defaults the page size to 20 and reads a number from the query string', () => {
    const queries = [parseInput(auditPageQuery, {}), parseInput(auditPageQuery, { limit: '5' })];

    expect(queries).toEqual([{ limit: 20 }, { limit: 5 }]);
  });

  it.each(['0', '101', '1.5', 'ten', '-3'])('refuses the limit %s', (limit) => {
    const error = refusalOf(auditPageQuery, { limit });

    expect(new Set(fieldsOf(error))).toEqual(new Set(['limit']));
  });

  it('refuses a cursor longer than any this API returns', () => {
    const error = refusalOf(auditPageQuery, { cursor: 'c'.repeat(201) });

    expect(new Set(fieldsOf(error))).toEqual(new Set(['cursor']));
  });
});

describe('messageBody', () => {
  const valid = { max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] };

  it('passes unknown Messages API fields through as sent', () => {
    const body = parseInput(messageBody, {
      ...valid,
      temperature: 0.2,
      metadata: { user_id: 'u' },
    });

    expect(body).toEqual({ ...valid, temperature: 0.2, metadata: { user_id: 'u' } });
  });

  it('refuses a request without max_tokens or messages, naming both', () => {
    const error = refusalOf(messageBody, { model: 'claude-sonnet-4-5' });

    expect(new Set(fieldsOf(error))).toEqual(new Set(['max_tokens', 'messages']));
  });

  it.each([
    ['no messages', { ...valid, messages: [] }, 'messages'],
    ['zero max_tokens', { ...valid, max_tokens: 0 }, 'max_tokens'],
    ['too many max_tokens', { ...valid, max_tokens: 128_001 }, 'max_tokens'],
    ['a model that is not Anthropic’s', { ...valid, model: 'gpt-4o' }, 'model'],
    ['a string for stream', { ...valid, stream: 'yes' }, 'stream'],
  ])('refuses %s', (_label, body, field) => {
    const error = refusalOf(messageBody, body);

    expect(new Set(fieldsOf(error))).toEqual(new Set([field]));
  });
});
