import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyHint } from '../../../../functions/domain/keys/key-hint.js';
import { fakeKeyArbitrary, keyBodyArbitrary, newFakeKey } from '../../shared/fake-keys.js';

describe('keyHint', () => {
  it('shows the prefix, four stars and the last four characters', () => {
    const key = newFakeKey();

    const hint = keyHint(key);

    expect(hint).toBe(`sk-ant-****${key.slice(-4)}`);
    expect(hint).toHaveLength(15);
  });

  it('does not contain the key', () => {
    const key = newFakeKey();

    const hint = keyHint(key);

    expect(hint).not.toContain(key.slice(0, -4));
    expect(key).not.toContain(hint);
  });
});

describe('keyHint properties', () => {
  it('ends with exactly the key’s last four characters after a fixed mask', () => {
    fc.assert(
      fc.property(fakeKeyArbitrary, (key) => {
        const hint = keyHint(key);

        expect(hint.slice(0, 11)).toBe('sk-ant-****');
        expect(hint.slice(11)).toBe(key.slice(-4));
      }),
    );
  });

  it('is the same for two keys that share only their last four characters', () => {
    const tail = keyBodyArbitrary(4, 4);

    fc.assert(
      fc.property(fakeKeyArbitrary, fakeKeyArbitrary, tail, (first, second, lastFour) => {
        const firstKey = first.slice(0, -4) + lastFour;
        const secondKey = second.slice(0, -4) + lastFour;

        expect(keyHint(firstKey)).toBe(keyHint(secondKey));
      }),
    );
  });
});
