import { ServiceError } from '../../shared/errors.js';

/**
 * Today's Anthropic API keys are `sk-ant-api03-` plus 95 characters, 108 in
 * all. The bounds leave room for new formats without accepting junk.
 */
export const MIN_KEY_LENGTH = 40;
export const MAX_KEY_LENGTH = 256;

const KEY_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/** Why a string cannot be a usable Anthropic API key, or undefined when it may be one. */
export function keyFormatProblem(apiKey: string): string | undefined {
  if (!apiKey.startsWith('sk-ant-')) return 'an Anthropic API key starts with "sk-ant-"';
  if (apiKey.startsWith('sk-ant-admin')) {
    return 'this is an Admin API key, which cannot send messages; create a regular API key';
  }
  if (apiKey.startsWith('sk-ant-oat')) {
    return 'this is a Claude Code OAuth token, not an API key; create a key in the Anthropic Console';
  }
  if (!KEY_CHARACTERS.test(apiKey)) {
    return 'the key contains characters an Anthropic API key never has (allowed: A-Z a-z 0-9 _ -)';
  }
  if (apiKey.length < MIN_KEY_LENGTH || apiKey.length > MAX_KEY_LENGTH) {
    return `the key is ${apiKey.length} characters long; Anthropic API keys are about 108`;
  }
  return undefined;
}

/**
 * Trims surrounding whitespace (pasting often adds some) and refuses, before
 * any network call, what cannot be a usable key. The message never quotes the key.
 */
export function normaliseApiKey(raw: string): string {
  const apiKey = raw.trim();
  const problem = keyFormatProblem(apiKey);
  if (problem) {
    throw new ServiceError('byo_key_malformed', `byoApiKey is not usable: ${problem}`, {
      details: { fields: [{ field: 'byoApiKey', problem }] },
    });
  }
  return apiKey;
}
