import type { FaultEffect, FaultMatch, FaultSpec } from './faults.js';
import { KEY_STATUSES, type KeyModels, type KeyOptions, type KeyStatus } from './keys.js';
import type { EmulatorConfig } from './state.js';

/** A parsed admin input, or why it was rejected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

type Json = Record<string, unknown>;

/**
 * Validates admin inputs strictly: a typo in a test's fault or key setup should fail loudly
 * with 400, not silently produce an emulator that behaves differently from what the test meant.
 */
export function parseKeyInput(body: unknown): Parsed<{ key: string; options: KeyOptions }> {
  const input = asJson(body);
  if (typeof input.key !== 'string' || input.key === '') {
    return fail('key: a non-empty string is required');
  }
  if (input.status !== undefined && !KEY_STATUSES.includes(input.status as KeyStatus)) {
    return fail(`status: one of ${KEY_STATUSES.join(', ')}`);
  }
  if (input.models !== undefined && !isKeyModels(input.models)) {
    return fail("models: an array of model ids or 'claude-*'");
  }

  const options = {
    status: input.status as KeyStatus | undefined,
    models: input.models as KeyModels | undefined,
  };
  return { ok: true, value: { key: input.key, options } };
}

/** Validates a fault: its effect, its optional match and its optional positive `count`. */
export function parseFaultInput(body: unknown): Parsed<FaultSpec> {
  const input = asJson(body);
  const effect = parseEffect(input);
  if (!effect.ok) {
    return effect;
  }

  const match = parseMatch(input.match);
  if (!match.ok) {
    return match;
  }
  if (
    input.count !== undefined &&
    !(Number.isInteger(input.count) && (input.count as number) > 0)
  ) {
    return fail('count: a positive integer');
  }

  return {
    ok: true,
    value: { ...effect.value, match: match.value, count: input.count as number | undefined },
  };
}

/** Validates a config update; fields left out are not changed. */
export function parseConfigInput(body: unknown): Parsed<Partial<EmulatorConfig>> {
  const input = asJson(body);
  if (input.latencyMs !== undefined && !isNonNegative(input.latencyMs)) {
    return fail('latencyMs: a non-negative number');
  }
  if (input.minCacheableTokens !== undefined && !isNonNegative(input.minCacheableTokens)) {
    return fail('minCacheableTokens: a non-negative number');
  }

  const value = {
    latencyMs: input.latencyMs as number | undefined,
    minCacheableTokens: input.minCacheableTokens as number | undefined,
  };
  return { ok: true, value };
}

function parseEffect(input: Json): Parsed<FaultEffect> {
  switch (input.kind) {
    case 'timeout':
    case 'reset':
    case 'malformed':
      return { ok: true, value: { kind: input.kind } };
    case 'delay':
      return isNonNegative(input.latencyMs)
        ? { ok: true, value: { kind: 'delay', latencyMs: input.latencyMs } }
        : fail('latencyMs: a non-negative number');
    case 'status':
      return parseStatusEffect(input);
    default:
      return fail('kind: one of status, timeout, reset, malformed, delay');
  }
}

function parseStatusEffect(input: Json): Parsed<FaultEffect> {
  const { status, retryAfterSeconds, message } = input;
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
    return fail('status: an integer from 400 to 599');
  }
  if (retryAfterSeconds !== undefined && !isNonNegative(retryAfterSeconds)) {
    return fail('retryAfterSeconds: a non-negative number');
  }
  if (message !== undefined && typeof message !== 'string') {
    return fail('message: a string');
  }

  const effect = { kind: 'status' as const, status: status as number, retryAfterSeconds, message };
  return { ok: true, value: effect as FaultEffect };
}

function parseMatch(value: unknown): Parsed<FaultMatch> {
  if (value === undefined) {
    return { ok: true, value: {} };
  }

  const match = asJson(value);
  const badField = ['apiKey', 'path'].find(
    (field) => match[field] !== undefined && typeof match[field] !== 'string',
  );
  if (badField) {
    return fail(`match.${badField}: a string`);
  }

  return {
    ok: true,
    value: { apiKey: match.apiKey as string | undefined, path: match.path as string | undefined },
  };
}

function isKeyModels(value: unknown): boolean {
  return (
    value === 'claude-*' || (Array.isArray(value) && value.every((id) => typeof id === 'string'))
  );
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function asJson(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
