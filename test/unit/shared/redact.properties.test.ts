import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../../functions/shared/redact.js';
import { fakeKeyArbitrary } from './fake-keys.js';

/** Any text, including text that runs straight into the key with key characters. */
const textArbitrary = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '"', 'sk-ant-', 'Bearer ', 'x', '-', '_', 'sk-ant-api03-'),
);

/** A string that holds the key somewhere, with anything around it. */
const stringWithKey = (key: string) =>
  fc.tuple(textArbitrary, textArbitrary).map(([before, after]) => `${before}${key}${after}`);

/** A JSON-like value with the key's string placed at a random spot, at most 8 levels deep. */
function valueWithKey(key: string): fc.Arbitrary<unknown> {
  const others = fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 });
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: 8 },
      stringWithKey(key),
      fc
        .tuple(others, tie('tree'), others)
        .map(([before, child, after]) => [...before, child, ...after]),
      fc
        .tuple(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.string(), tie('tree'))
        .map(([siblings, field, child]) => ({ ...siblings, [field]: child })),
    ),
  }));
  return tree;
}

describe('redact properties', () => {
  it('never lets a key embedded in any text survive', () => {
    fc.assert(
      fc.property(
        fakeKeyArbitrary.chain((key) => fc.tuple(fc.constant(key), stringWithKey(key))),
        ([key, text]) => {
          const output = JSON.stringify(redact(text));

          expect(output).not.toContain(key);
        },
      ),
    );
  });

  it('never lets a key anywhere in a nested value survive', () => {
    fc.assert(
      fc.property(
        fakeKeyArbitrary.chain((key) => fc.tuple(fc.constant(key), valueWithKey(key))),
        ([key, value]) => {
          const output = JSON.stringify(redact(value));

          expect(output).not.toContain(key);
        },
      ),
    );
  });

  it('never lets a key in an error-like object survive', () => {
    fc.assert(
      fc.property(
        fakeKeyArbitrary.chain((key) =>
          fc.tuple(fc.constant(key), stringWithKey(key), stringWithKey(key)),
        ),
        ([key, message, stack]) => {
          const errorLike = { name: 'Error', message, stack, cause: { message } };

          const output = JSON.stringify(redact(errorLike));

          expect(output).not.toContain(key);
        },
      ),
    );
  });

  it('returns JSON values without secrets unchanged', () => {
    const harmless = fc.jsonValue({ maxDepth: 8 }).filter((value) => {
      const text = JSON.stringify(value) ?? '';
      return !/sk-ant-|mt_|bearer|authorization|api-?key|cookie|secretstring/i.test(text);
    });

    fc.assert(
      fc.property(harmless, (value) => {
        const output = redact(value);

        expect(output).toEqual(value);
      }),
    );
  });
});
