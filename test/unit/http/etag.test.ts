import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etagOf, versionFromIfMatch } from '../../../functions/http/etag.js';
import { ServiceError } from '../../../functions/shared/errors.js';
import { serviceErrorFrom } from '../shared/refusal.js';

const refusalOf = (ifMatch: string) => serviceErrorFrom(() => versionFromIfMatch(ifMatch));

describe('versionFromIfMatch', () => {
  it('reads the version of a strong tag', () => {
    const version = versionFromIfMatch('"3"');

    expect(version).toBe(3);
  });

  it('reads the version of a weak tag', () => {
    const version = versionFromIfMatch('W/"3"');

    expect(version).toBe(3);
  });

  it('ignores whitespace around the tag', () => {
    const version = versionFromIfMatch('  "12" ');

    expect(version).toBe(12);
  });

  it('pins no version for * or a missing header', () => {
    const versions = [
      versionFromIfMatch('*'),
      versionFromIfMatch(' * '),
      versionFromIfMatch(undefined),
    ];

    expect(versions).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    '3',
    '""',
    '"abc"',
    '"-1"',
    '"3.0"',
    '"3", "4"',
    'w/"3"',
    'W/3',
    '"1234567890123456"',
    '',
    'garbage',
  ])('refuses %j with a 412 precondition_failed', (ifMatch) => {
    const error = refusalOf(ifMatch);

    expect(error.code).toBe('precondition_failed');
    expect(error.statusCode).toBe(412);
  });

  it('reads back every tag etagOf issues', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999_999_999 }), (version) => {
        expect(versionFromIfMatch(etagOf(version))).toBe(version);
      }),
    );
  });

  it('either reads a version or refuses with 412, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), (ifMatch) => {
        let outcome: number | undefined | ServiceError;
        try {
          outcome = versionFromIfMatch(ifMatch);
        } catch (error) {
          outcome = error as ServiceError;
        }

        if (outcome instanceof ServiceError) expect(outcome.statusCode).toBe(412);
        else if (outcome !== undefined) expect(Number.isSafeInteger(outcome)).toBe(true);
        else expect(ifMatch.trim()).toBe('*');
      }),
    );
  });
});
