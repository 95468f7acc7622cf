import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logger } from '../../../functions/shared/logger.js';
import { type CapturedLogs, captureLogs } from '../../support/capture-logs.js';
import { newFakeApiToken, newFakeKey } from './fake-keys.js';

/**
 * Powertools prints through its own `Console` bound to `process.stdout` (info)
 * and `process.stderr` (errors) unless POWERTOOLS_DEV is set, so the capture
 * intercepts both streams as well as the global console.
 */
let logs: CapturedLogs;

beforeEach(() => {
  logs = captureLogs();
});

afterEach(() => {
  logs.stop();
});

const hintOf = (key: string) => `sk-ant-****${key.slice(-4)}`;

function onlyLine(): { text: string; json: Record<string, unknown> } {
  const lines = logs.lines();
  expect(lines).toHaveLength(1);
  const text = lines[0] ?? '';
  return { text, json: JSON.parse(text) as Record<string, unknown> };
}

describe('logger', () => {
  it('writes one JSON line with level, message, timestamp and service', () => {
    logger.info('agent updated', { agentId: 'agt_1' });

    const { json } = onlyLine();
    expect(json).toMatchObject({
      level: 'INFO',
      message: 'agent updated',
      service: process.env.POWERTOOLS_SERVICE_NAME ?? 'agent-llm-credentials',
      agentId: 'agt_1',
    });
    expect(new Date(json.timestamp as string).toISOString()).toBe(json.timestamp);
  });

  it('masks a key passed in the data', () => {
    const key = newFakeKey();

    logger.info('x', { detail: `sent ${key}`, nested: { list: [key] } });

    const { text, json } = onlyLine();
    expect(text).not.toContain(key);
    expect(json.detail).toBe(`sent ${hintOf(key)}`);
    expect(json.nested).toEqual({ list: [hintOf(key)] });
  });

  it('masks a key placed in the message itself', () => {
    const key = newFakeKey();

    logger.info(`careless ${key}`);

    const { text } = onlyLine();
    expect(text).not.toContain(key);
    expect(text).toContain(hintOf(key));
  });

  it('replaces secret headers passed in the data', () => {
    const token = newFakeApiToken();
    const key = newFakeKey();

    logger.info('x', { headers: { authorization: `Bearer ${token}`, 'x-api-key': key } });

    const { text, json } = onlyLine();
    expect(text).not.toContain(token);
    expect(text).not.toContain(key);
    expect(json.headers).toEqual({ authorization: '[REDACTED]', 'x-api-key': '[REDACTED]' });
  });

  it('writes an error with a key in its message without the key', () => {
    const key = newFakeKey();

    logger.error('request failed', { error: new Error(`Anthropic refused ${key}`) });

    const { text, json } = onlyLine();
    expect(json.level).toBe('ERROR');
    expect(json.message).toBe('request failed');
    expect(text).not.toContain(key);
  });

  it('writes an error with a key in its cause and headers without the key', () => {
    const key = newFakeKey();
    const cause = new Error(`upstream said ${key}`);
    const error = Object.assign(new Error('call failed', { cause }), {
      headers: { 'x-api-key': key },
      requestBody: `{"apiKey":"${key}"}`,
    });

    logger.error('request failed', { error });

    const { text } = onlyLine();
    expect(text).not.toContain(key);
  });

  it('keeps the name and masked message of a logged error', () => {
    const key = newFakeKey();

    logger.error('request failed', { error: new Error(`Anthropic refused ${key}`) });

    const { json } = onlyLine();
    expect(json.error).toMatchObject({
      name: 'Error',
      message: `Anthropic refused ${hintOf(key)}`,
    });
  });
});
