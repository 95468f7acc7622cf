import { describe, expect, it } from 'vitest';
import { UpstreamFailure } from '../../../../functions/domain/gateway/ports.js';
import {
  keyRejectedError,
  upstreamError,
} from '../../../../functions/domain/gateway/upstream-errors.js';
import { CREDENTIAL_SOURCE } from '../../../../functions/domain/spend/ports.js';

const MODEL = 'claude-sonnet-4-5';

describe('upstreamError', () => {
  it.each([
    ['key_rejected', 'byo', 'byo_key_invalid', 409, undefined],
    ['key_rejected', 'hosted', 'anthropic_unavailable', 503, 10],
    ['no_credit', 'byo', 'byo_key_no_credit', 422, undefined],
    ['no_credit', 'hosted', 'anthropic_unavailable', 503, 10],
    ['model_not_found', 'byo', 'model_not_available', 422, undefined],
    ['model_not_found', 'hosted', 'model_not_available', 422, undefined],
    ['invalid_request', 'byo', 'anthropic_invalid_request', 400, undefined],
    ['invalid_request', 'hosted', 'anthropic_invalid_request', 400, undefined],
    ['rate_limited', 'byo', 'anthropic_rate_limited', 429, 10],
    ['rate_limited', 'hosted', 'anthropic_rate_limited', 429, 10],
    ['unavailable', 'byo', 'anthropic_unavailable', 503, 10],
    ['unavailable', 'hosted', 'anthropic_unavailable', 503, 10],
  ] as const)('maps %s on a %s key to %s (%i)', (kind, source, code, status, retryAfter) => {
    const failure = new UpstreamFailure(kind, 'upstream says no');

    const error = upstreamError(failure, CREDENTIAL_SOURCE[source], MODEL);

    expect(error.code).toBe(code);
    expect(error.statusCode).toBe(status);
    expect(error.retryAfterSeconds).toBe(retryAfter);
  });

  it.each(['key_rejected', 'no_credit', 'rate_limited', 'unavailable'] as const)(
    'passes on Anthropic’s Retry-After for %s on the hosted key',
    (kind) => {
      const failure = new UpstreamFailure(kind, 'busy', 37);

      const error = upstreamError(failure, CREDENTIAL_SOURCE.hosted, MODEL);

      expect(error.retryAfterSeconds).toBe(37);
    },
  );

  it('tells a BYO customer that their key was rejected, not that Anthropic is down', () => {
    const failure = new UpstreamFailure('key_rejected', 'invalid x-api-key', 5);

    const error = upstreamError(failure, CREDENTIAL_SOURCE.byo, MODEL);

    expect(error).toMatchObject({ code: 'byo_key_invalid', statusCode: 409 });
    expect(error.message).toContain('save a new one');
  });

  it('names the model Anthropic does not offer', () => {
    const failure = new UpstreamFailure('model_not_found', 'not found');

    const error = upstreamError(failure, CREDENTIAL_SOURCE.byo, 'claude-opus-9');

    expect(error.message).toContain('claude-opus-9');
  });

  it('passes on Anthropic’s reason for refusing a request', () => {
    const failure = new UpstreamFailure('invalid_request', 'max_tokens: too large');

    const error = upstreamError(failure, CREDENTIAL_SOURCE.hosted, MODEL);

    expect(error.message).toContain('max_tokens: too large');
  });

  it('says nothing about the platform key when the hosted key is rejected', () => {
    const failure = new UpstreamFailure('key_rejected', 'invalid x-api-key');

    const error = upstreamError(failure, CREDENTIAL_SOURCE.hosted, MODEL);

    expect(error.message).not.toMatch(/key/i);
    expect(error.message).not.toContain('invalid x-api-key');
  });
});

describe('keyRejectedError', () => {
  it('is a 409 byo_key_invalid without Retry-After', () => {
    const error = keyRejectedError();

    expect(error).toMatchObject({ code: 'byo_key_invalid', statusCode: 409 });
    expect(error.retryAfterSeconds).toBeUndefined();
  });
});
