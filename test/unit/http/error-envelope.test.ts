import httpJsonBodyParser from '@middy/http-json-body-parser';
import { describe, expect, it } from 'vitest';
import { errorToResult } from '../../../functions/http/error-envelope.js';
import { ServiceError, ValidationError } from '../../../functions/shared/errors.js';
import { newFakeKey } from '../shared/fake-keys.js';

const REQUEST_ID = 'req-123';

const bodyOf = (result: { body: string }) =>
  (JSON.parse(result.body) as { error: Record<string, unknown> }).error;

/** An error shaped as middy's `createError` makes them: an Error with a status code. */
function middyHttpError(statusCode: number, message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { statusCode, status: statusCode });
}

/** The error middy's JSON body parser throws for this content type and body. */
async function bodyParserError(contentType: string, body: string | undefined): Promise<unknown> {
  const request = { event: { headers: { 'content-type': contentType }, body } };
  try {
    await httpJsonBodyParser().before?.(request as never);
  } catch (error) {
    return error;
  }
  throw new Error('the body parser accepted the body');
}

describe('errorToResult', () => {
  it('answers a ServiceError with its status, code, message and request id', () => {
    const error = new ServiceError('not_found', 'No such agent');

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(404);
    expect(result.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(bodyOf(result)).toEqual({
      code: 'not_found',
      message: 'No such agent',
      requestId: REQUEST_ID,
    });
  });

  it('merges the details into the error body', () => {
    const error = new ValidationError([{ field: 'name', problem: 'must not be empty' }]);

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'name', problem: 'must not be empty' }],
    });
  });

  it('never lets a detail override the code, message or request id', () => {
    const error = new ServiceError('forbidden', 'Not yours', {
      details: { code: 'ok', message: 'fine', requestId: 'forged' },
    });

    const result = errorToResult(error, REQUEST_ID);

    expect(bodyOf(result)).toEqual({
      code: 'forbidden',
      message: 'Not yours',
      requestId: REQUEST_ID,
    });
  });

  it('answers with the status a ServiceError overrides', () => {
    const error = new ServiceError('byo_key_invalid', 'Save a new key', { statusCode: 409 });

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(409);
    expect(bodyOf(result).code).toBe('byo_key_invalid');
  });

  it('sets Retry-After when the error says when to retry', () => {
    const error = new ServiceError('daily_spend_cap_reached', 'Cap reached', {
      retryAfterSeconds: 3600,
    });

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(429);
    expect(result.headers['retry-after']).toBe('3600');
  });

  it('sets no Retry-After when the error says nothing about retrying', () => {
    const result = errorToResult(new ServiceError('not_found', 'No such agent'), REQUEST_ID);

    expect(result.headers).not.toHaveProperty('retry-after');
  });

  it('carries the extra headers of the error', () => {
    const error = new ServiceError('anthropic_rate_limited', 'Slow down');
    error.headers['x-credential-source'] = 'byo';

    const result = errorToResult(error, REQUEST_ID);

    expect(result.headers['x-credential-source']).toBe('byo');
  });

  it('asks for a bearer token on 401', () => {
    const result = errorToResult(new ServiceError('unauthorized', 'Sign in'), REQUEST_ID);

    expect(result.statusCode).toBe(401);
    expect(result.headers['www-authenticate']).toBe('Bearer');
  });

  it('lists the allowed methods on 405', () => {
    const error = new ServiceError('method_not_allowed', 'Use GET or PATCH', {
      details: { allowedMethods: ['GET', 'PATCH'] },
    });

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(405);
    expect(result.headers.allow).toBe('GET, PATCH');
    expect(bodyOf(result).allowedMethods).toEqual(['GET', 'PATCH']);
  });

  it('answers an unknown Error with a bare 500 internal_error', () => {
    const key = newFakeKey();
    const error = new Error(`DynamoDB said no to table agents with ${key}`);

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(500);
    expect(bodyOf(result)).toEqual({
      code: 'internal_error',
      message: 'Internal error',
      requestId: REQUEST_ID,
    });
    expect(result.body).not.toContain('DynamoDB');
    expect(result.body).not.toContain(key.slice(-20));
  });

  it.each([
    ['a string', 'boom'],
    ['null', null],
    ['undefined', undefined],
    ['a plain object', { statusCode: 400, message: 'looks like an HTTP error' }],
  ])('answers a thrown %s with a bare 500', (_label, thrown) => {
    const result = errorToResult(thrown, REQUEST_ID);

    expect(result.statusCode).toBe(500);
    expect(bodyOf(result)).toEqual({
      code: 'internal_error',
      message: 'Internal error',
      requestId: REQUEST_ID,
    });
  });

  it('hides the message of an internal_error ServiceError', () => {
    const error = new ServiceError('internal_error', 'secret table name agents-prod');

    const result = errorToResult(error, REQUEST_ID);

    expect(bodyOf(result).message).toBe('Internal error');
  });

  it('keeps the message of a deliberate 5xx such as anthropic_unavailable', () => {
    const error = new ServiceError(
      'anthropic_unavailable',
      'Anthropic is unavailable; retry later',
      {
        retryAfterSeconds: 10,
      },
    );

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(503);
    expect(bodyOf(result).message).toBe('Anthropic is unavailable; retry later');
    expect(result.headers['retry-after']).toBe('10');
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const error = await bodyParserError('application/json', '{"name": ');

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toMatchObject({ code: 'malformed_json' });
    expect(result.body).not.toContain('{\\"name\\": ');
  });

  it('answers a missing JSON body with 400 malformed_json', async () => {
    const error = await bodyParserError('application/json', undefined);

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).code).toBe('malformed_json');
  });

  it('answers a body that is not JSON by content type with 415 unsupported_media_type', async () => {
    const error = await bodyParserError('text/plain', 'name=x');

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(415);
    expect(bodyOf(result).code).toBe('unsupported_media_type');
  });

  it('answers middy’s 404 with route_not_found', () => {
    const error = middyHttpError(404, 'Route does not exist');

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(404);
    expect(bodyOf(result).code).toBe('route_not_found');
  });

  it('answers any other middy HTTP error with a bare 500', () => {
    const error = middyHttpError(502, 'Upstream details', { package: '@middy/other' });

    const result = errorToResult(error, REQUEST_ID);

    expect(result.statusCode).toBe(500);
    expect(bodyOf(result).message).toBe('Internal error');
    expect(result.body).not.toContain('Upstream details');
  });
});
