import Anthropic, { type APIError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AnthropicEmulator,
  EmulatorAdmin,
  startAnthropicEmulator,
} from '../support/anthropic-emulator/index.js';

const MODEL = 'claude-haiku-4-5';
const NO_CREDIT_MESSAGE =
  'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.';

let emulator: AnthropicEmulator;

beforeAll(async () => {
  emulator = await startAnthropicEmulator();
});

afterAll(async () => {
  await emulator.stop();
});

beforeEach(() => {
  emulator.reset();
});

function clientFor(apiKey: string, timeoutMs?: number): Anthropic {
  return new Anthropic({ apiKey, baseURL: emulator.url, maxRetries: 0, timeout: timeoutMs });
}

function ask(client: Anthropic, params: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) {
  return client.messages.create({
    model: MODEL,
    max_tokens: 256,
    messages: [{ role: 'user', content: 'Hello, emulator!' }],
    ...params,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    return error as APIError;
  }
  throw new Error('expected the call to fail');
}

describe('POST /v1/messages', () => {
  it('answers a registered key with a deterministic message and usage', async () => {
    emulator.registerKey('sk-ok');

    const message = await ask(clientFor('sk-ok'));

    expect(message.id).toMatch(/^msg_emu_/);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: MODEL });
    expect(message.content).toEqual([
      { type: 'text', text: 'Emulated reply. Emulated reply. Emulated reply.' },
    ]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toEqual({
      input_tokens: 4,
      output_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      service_tier: 'standard',
    });
    expect(message._request_id).toMatch(/^req_emu_/);
  });

  it('stops with max_tokens when max_tokens is below the default reply length', async () => {
    emulator.registerKey('sk-short');

    const message = await ask(clientFor('sk-short'), { max_tokens: 5 });

    expect(message.usage.output_tokens).toBe(5);
    expect(message.stop_reason).toBe('max_tokens');
  });

  it('counts system text and tool definitions towards input tokens', async () => {
    emulator.registerKey('sk-count');
    const tool = {
      name: 'lookup',
      description: 'Looks things up.',
      input_schema: { type: 'object' as const },
    };

    const message = await ask(clientFor('sk-count'), { system: 'You are terse.', tools: [tool] });

    const toolTokens = Math.ceil(JSON.stringify(tool).length / 4);
    expect(message.usage.input_tokens).toBe(toolTokens + 4 + 4);
  });

  it('echoes inference_geo in usage when the request carries it', async () => {
    emulator.registerKey('sk-geo');

    const message = await ask(clientFor('sk-geo'), { inference_geo: 'us' });

    expect(message.usage.inference_geo).toBe('us');
  });

  it('accepts the key as a Bearer token sent through the authToken option', async () => {
    emulator.registerKey('sk-bearer');
    const client = new Anthropic({ authToken: 'sk-bearer', baseURL: emulator.url, maxRetries: 0 });

    const message = await ask(client);

    expect(message.type).toBe('message');
    expect(emulator.calls().at(-1)?.apiKey).toBe('sk-bearer');
  });

  it('accepts the key in the x-api-key header', async () => {
    emulator.registerKey('sk-header');

    const response = await fetch(`${emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'sk-header', 'content-type': 'application/json' },
      body: JSON.stringify({
        model: MODEL,
        max_tokens: 10,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_emu_/);
  });
});

describe('key and request errors', () => {
  it('answers 401 authentication_error for an unknown key', async () => {
    const error = await failureOf(ask(clientFor('sk-unknown')));

    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.type).toBe('authentication_error');
    expect(error.apiMessage).toBe('invalid x-api-key');
    expect(error.requestID).toMatch(/^req_emu_/);
    expect(error.error).toMatchObject({ type: 'error', request_id: error.requestID });
  });

  it('answers 401 authentication_error for a revoked key', async () => {
    emulator.registerKey('sk-revoked', { status: 'revoked' });

    const error = await failureOf(ask(clientFor('sk-revoked')));

    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(error.type).toBe('authentication_error');
  });

  it('answers 403 permission_error for a forbidden key', async () => {
    emulator.registerKey('sk-forbidden', { status: 'forbidden' });

    const error = await failureOf(ask(clientFor('sk-forbidden')));

    expect(error).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(error.status).toBe(403);
    expect(error.type).toBe('permission_error');
  });

  it('answers 400 with the billing message for a key without credit', async () => {
    emulator.registerKey('sk-broke', { status: 'no_credit' });

    const error = await failureOf(ask(clientFor('sk-broke')));

    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.type).toBe('invalid_request_error');
    expect(error.apiMessage).toBe(NO_CREDIT_MESSAGE);
  });

  it('answers 404 not_found_error for a model the key may not use', async () => {
    emulator.registerKey('sk-haiku-only', { models: [MODEL] });

    const error = await failureOf(ask(clientFor('sk-haiku-only'), { model: 'claude-opus-4-7' }));

    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.type).toBe('not_found_error');
    expect(error.apiMessage).toBe('model: claude-opus-4-7');
  });

  it('answers 404 not_found_error for a model outside the catalogue', async () => {
    emulator.registerKey('sk-any');

    const error = await failureOf(ask(clientFor('sk-any'), { model: 'claude-imaginary-9' }));

    expect(error.status).toBe(404);
    expect(error.apiMessage).toBe('model: claude-imaginary-9');
  });

  it('answers 400 invalid_request_error for an empty messages array', async () => {
    emulator.registerKey('sk-empty');

    const error = await failureOf(ask(clientFor('sk-empty'), { messages: [] }));

    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.type).toBe('invalid_request_error');
  });

  it('answers 400 invalid_request_error for a streaming request', async () => {
    emulator.registerKey('sk-stream');
    const client = clientFor('sk-stream');

    const error = await failureOf(
      client.messages.create({
        model: MODEL,
        max_tokens: 10,
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      }),
    );

    expect(error.status).toBe(400);
    expect(error.apiMessage).toBe('streaming is not supported by the emulator');
  });

  it('answers 404 not_found_error in the API body shape for an unknown path', async () => {
    const response = await fetch(`${emulator.url}/v2/nothing`);
    const body = (await response.json()) as {
      type: string;
      error: { type: string };
      request_id: string;
    };

    expect(response.status).toBe(404);
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('not_found_error');
    expect(body.request_id).toBe(response.headers.get('request-id'));
  });
});

describe('faults and latency', () => {
  it('answers an injected 429 with rate_limit_error and retry-after', async () => {
    emulator.registerKey('sk-limited');
    emulator.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 7 });

    const error = await failureOf(ask(clientFor('sk-limited')));

    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.type).toBe('rate_limit_error');
    expect(error.headers?.get('retry-after')).toBe('7');
  });

  it('answers an injected 529 with overloaded_error, then recovers', async () => {
    emulator.registerKey('sk-busy');
    emulator.injectFault({ kind: 'status', status: 529 });
    const client = clientFor('sk-busy');

    const error = await failureOf(ask(client));
    const message = await ask(client);

    expect(error).toBeInstanceOf(Anthropic.OverloadedError);
    expect(error.type).toBe('overloaded_error');
    expect(message.type).toBe('message');
  });

  it('applies a fault only to matching requests, as many times as its count', async () => {
    emulator.registerKey('sk-target');
    emulator.registerKey('sk-bystander');
    emulator.injectFault({ kind: 'status', status: 500, count: 2, match: { apiKey: 'sk-target' } });

    const bystander = await ask(clientFor('sk-bystander'));
    const first = await failureOf(ask(clientFor('sk-target')));
    const second = await failureOf(ask(clientFor('sk-target')));
    const third = await ask(clientFor('sk-target'));

    expect(bystander.type).toBe('message');
    expect([first.status, second.status]).toEqual([500, 500]);
    expect(first.type).toBe('api_error');
    expect(third.type).toBe('message');
  });

  it('holds the request on a timeout fault until the client gives up', async () => {
    emulator.registerKey('sk-slow');
    emulator.injectFault({ kind: 'timeout' });

    const error = await failureOf(ask(clientFor('sk-slow', 200)));

    expect(error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect(emulator.calls().at(-1)?.status).toBeNull();
  });

  it('resets the connection on a reset fault', async () => {
    emulator.registerKey('sk-reset');
    emulator.injectFault({ kind: 'reset' });

    const error = await failureOf(ask(clientFor('sk-reset')));

    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(error).not.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('answers 200 with a body that is not JSON on a malformed fault', async () => {
    emulator.registerKey('sk-garbled');
    emulator.injectFault({ kind: 'malformed' });

    const error = await failureOf(ask(clientFor('sk-garbled')));

    expect(error).toBeInstanceOf(SyntaxError);
    expect(emulator.calls().at(-1)?.status).toBe(200);
  });

  it('delays the answer by a delay fault plus the global latency', async () => {
    emulator.registerKey('sk-delayed');
    emulator.setLatency(60);
    emulator.injectFault({ kind: 'delay', latencyMs: 90 });

    const startedMs = performance.now();
    const message = await ask(clientFor('sk-delayed'));
    const elapsedMs = performance.now() - startedMs;

    expect(message.type).toBe('message');
    expect(elapsedMs).toBeGreaterThanOrEqual(145);
  });

  it('rejects an invalid fault in process', () => {
    expect(() => emulator.injectFault({ kind: 'status', status: 200 })).toThrow(/status/);
  });

  it('closes held sockets on stop so the client sees a connection error', async () => {
    const own = await startAnthropicEmulator();
    own.registerKey('sk-held');
    own.injectFault({ kind: 'timeout' });
    const client = new Anthropic({ apiKey: 'sk-held', baseURL: own.url, maxRetries: 0 });

    const pending = failureOf(ask(client));
    await waitFor(() => own.calls().length === 1);
    await own.stop();

    expect(await pending).toBeInstanceOf(Anthropic.APIConnectionError);
  });
});

describe('prompt caching', () => {
  const longPrompt = 'x'.repeat(400);

  it('writes the whole prompt to a 5m cache with top-level cache_control, then reads it', async () => {
    emulator.registerKey('sk-cache-5m');
    const client = clientFor('sk-cache-5m');
    const params = {
      cache_control: { type: 'ephemeral' as const },
      messages: [{ role: 'user' as const, content: longPrompt }],
    };

    const first = await ask(client, params);
    const second = await ask(client, params);

    expect(first.usage).toMatchObject({
      input_tokens: 1,
      cache_creation_input_tokens: 100,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 0 },
    });
    expect(second.usage).toMatchObject({
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 100,
    });
  });

  it('caches up to a 1h system breakpoint and bills the messages after it as input', async () => {
    emulator.registerKey('sk-cache-1h');
    const client = clientFor('sk-cache-1h');
    const system = [
      {
        type: 'text' as const,
        text: 's'.repeat(800),
        cache_control: { type: 'ephemeral' as const, ttl: '1h' as const },
      },
    ];

    const first = await ask(client, {
      system,
      messages: [{ role: 'user', content: 'First question?' }],
    });
    const second = await ask(client, {
      system,
      messages: [{ role: 'user', content: 'Second question, longer?' }],
    });

    expect(first.usage).toMatchObject({
      input_tokens: 4,
      cache_creation_input_tokens: 200,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 200 },
    });
    expect(second.usage).toMatchObject({
      input_tokens: 6,
      cache_read_input_tokens: 200,
      cache_creation_input_tokens: 0,
    });
  });

  it('keeps the prompt cache separate per api key', async () => {
    emulator.registerKey('sk-cache-a');
    emulator.registerKey('sk-cache-b');
    const params = {
      cache_control: { type: 'ephemeral' as const },
      messages: [{ role: 'user' as const, content: longPrompt }],
    };

    await ask(clientFor('sk-cache-a'), params);
    const other = await ask(clientFor('sk-cache-b'), params);

    expect(other.usage.cache_read_input_tokens).toBe(0);
    expect(other.usage.cache_creation_input_tokens).toBe(100);
  });

  it('skips caching for prefixes shorter than minCacheableTokens', async () => {
    emulator.registerKey('sk-cache-min');
    emulator.configure({ minCacheableTokens: 1024 });
    const params = {
      cache_control: { type: 'ephemeral' as const },
      messages: [{ role: 'user' as const, content: longPrompt }],
    };

    const message = await ask(clientFor('sk-cache-min'), params);

    expect(message.usage).toMatchObject({
      input_tokens: 100,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
  });
});

describe('GET /v1/models', () => {
  it('lists the catalogue models a claude-* key may use', async () => {
    emulator.registerKey('sk-models');

    const ids: string[] = [];
    for await (const model of clientFor('sk-models').models.list()) {
      ids.push(model.id);
    }

    expect(ids).toEqual(
      expect.arrayContaining([
        'claude-opus-4-7',
        'claude-sonnet-4-5-20250929',
        'claude-3-5-haiku-20241022',
      ]),
    );
  });

  it('answers 401 authentication_error for an unknown key', async () => {
    const error = await failureOf(clientFor('sk-nobody').models.list());

    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
  });
});

describe('call record', () => {
  it('records the key apart from the headers and body it keeps', async () => {
    emulator.registerKey('sk-secret-123');

    await ask(clientFor('sk-secret-123'));
    const [call] = emulator.calls();

    expect(call).toMatchObject({
      method: 'POST',
      path: '/v1/messages',
      apiKey: 'sk-secret-123',
      status: 200,
    });
    expect(call?.headers['anthropic-version']).toBeDefined();
    expect(call?.headers.authorization).toBeUndefined();
    expect(JSON.stringify([call?.headers, call?.body])).not.toContain('sk-secret-123');
    expect(call?.body).toMatchObject({ model: MODEL, max_tokens: 256 });
    expect(Number.isNaN(Date.parse(call?.at ?? ''))).toBe(false);
  });
});

describe('admin API over HTTP', () => {
  it('registers keys with a model list', async () => {
    const admin = new EmulatorAdmin(emulator.url);

    await admin.registerKey('sk-admin', { models: [MODEL] });
    const allowed = await ask(clientFor('sk-admin'));
    const refused = await failureOf(ask(clientFor('sk-admin'), { model: 'claude-opus-4-7' }));

    expect(allowed.model).toBe(MODEL);
    expect(refused.status).toBe(404);
  });

  it('injects faults', async () => {
    const admin = new EmulatorAdmin(emulator.url);
    await admin.registerKey('sk-admin-fault');

    await admin.injectFault({ kind: 'status', status: 503, match: { path: '/v1/messages' } });
    const error = await failureOf(ask(clientFor('sk-admin-fault')));

    expect(error).toBeInstanceOf(Anthropic.ServiceUnavailableError);
    expect(error.type).toBe('api_error');
  });

  it('lists and clears recorded calls', async () => {
    const admin = new EmulatorAdmin(emulator.url);
    await admin.registerKey('sk-admin-calls');
    await ask(clientFor('sk-admin-calls'));

    const before = await admin.calls();
    await admin.clearCalls();
    const after = await admin.calls();

    expect(before.map((call) => call.apiKey)).toEqual(['sk-admin-calls']);
    expect(after).toEqual([]);
  });

  it('configures latency', async () => {
    const admin = new EmulatorAdmin(emulator.url);
    await admin.registerKey('sk-admin-latency');

    await admin.configure({ latencyMs: 120 });
    const startedMs = performance.now();
    await ask(clientFor('sk-admin-latency'));

    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(115);
  });

  it('resets keys so a previously valid key gets 401', async () => {
    const admin = new EmulatorAdmin(emulator.url);
    await admin.registerKey('sk-admin-reset');

    await admin.reset();
    const error = await failureOf(ask(clientFor('sk-admin-reset')));

    expect(error.status).toBe(401);
  });

  it('answers 400 invalid_request_error for an invalid fault', async () => {
    const response = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'explode' }),
    });
    const body = (await response.json()) as { error: { type: string; message: string } };

    expect(response.status).toBe(400);
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/kind/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadlineMs = Date.now() + timeoutMs;

  while (!condition()) {
    if (Date.now() > deadlineMs) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
