import type { ApiError } from './api.js';
import { hostedModels } from './models.js';

/** The settings field an error concerns; `form` when it concerns the whole change. */
export type FieldName = 'key' | 'model' | 'cap' | 'form';

/** An API error as a person reads it, and where the page shows it. */
export interface Problem {
  readonly field: FieldName;
  readonly message: string;
  /** True when only reloading the agent can help (someone else changed it). */
  readonly reload?: boolean;
}

const UNCHANGED = 'Nothing was changed.';

const API_FIELDS: Record<string, { field: FieldName; label: string }> = {
  byoApiKey: { field: 'key', label: 'The key' },
  llmModel: { field: 'model', label: 'The model' },
  dailySpendCapCents: { field: 'cap', label: 'The daily spend cap' },
  llmProvider: { field: 'form', label: 'The provider' },
};

type Sentence = (error: ApiError, model: string) => Problem;

const SENTENCES: Record<string, Sentence> = {
  byo_key_invalid: () => ({
    field: 'key',
    message: `Anthropic did not accept this key. Check that it is active in the Anthropic Console and that you copied all of it. ${UNCHANGED}`,
  }),
  byo_key_forbidden: () => ({
    field: 'key',
    message: `Anthropic refused this key permission to send messages. Check its permissions in the Anthropic Console or create a new key. ${UNCHANGED}`,
  }),
  byo_key_no_credit: () => ({
    field: 'key',
    message: `The Anthropic account behind this key has no credit left. Add credits in the Anthropic Console, then save again. ${UNCHANGED}`,
  }),
  byo_key_malformed: (error) => ({
    field: 'key',
    message: `This is not a usable Anthropic API key: ${firstProblem(error) ?? 'an Anthropic API key starts with "sk-ant-"'}.`,
  }),
  model_not_available: (_error, model) => ({
    field: 'model',
    message: `This key cannot use the model ${model}. Pick a model your Anthropic account has access to. ${UNCHANGED}`,
  }),
  model_not_allowed: (error) => ({
    field: 'model',
    message: `Hosted agents can only use ${allowedModels(error).join(' or ')}. Choose one of them, then save.`,
  }),
  too_many_validation_attempts: (error) => ({
    field: 'key',
    message: `Too many keys were checked for this workspace in a short time. Wait ${duration(error.retryAfterSeconds ?? 60)}, then try again.`,
  }),
  anthropic_unavailable: (error) => ({
    field: 'key',
    message: `Anthropic could not be reached to check the key, so ${UNCHANGED.toLowerCase()} Try again in ${duration(error.retryAfterSeconds ?? 30)}.`,
  }),
  precondition_failed: () => ({
    field: 'form',
    reload: true,
    message:
      'Someone changed this agent after you opened it. Reload to see the current settings, then make your change again.',
  }),
  concurrent_modification: () => ({
    field: 'form',
    message: `Another change to this agent's key is in progress. Wait a moment, then save again. ${UNCHANGED}`,
  }),
  forbidden: () => ({
    field: 'form',
    message: 'Your role cannot change these settings: only an OWNER or ADMIN of the workspace can.',
  }),
  not_found: () => ({
    field: 'form',
    message: 'This agent no longer exists, or it belongs to another workspace.',
  }),
  network_error: () => ({
    field: 'form',
    message: 'The API could not be reached. Check your connection, then try again.',
  }),
  validation_failed: fieldSentence,
  unknown_field: fieldSentence,
};

/** Turns an API error into a sentence placed next to the field it concerns. */
export function problemFor(error: ApiError, model: string): Problem {
  const sentence = SENTENCES[error.code];
  if (sentence) return sentence(error, model);
  if (error.status >= 500) {
    const reference = typeof error.details.requestId === 'string' ? error.details.requestId : '';
    return {
      field: 'form',
      message: `Something went wrong on our side. ${UNCHANGED} Try again in a moment.${reference ? ` (Reference ${reference})` : ''}`,
    };
  }
  return { field: 'form', message: error.message };
}

/** `validation_failed`: the first offending field, in the API's own words. */
function fieldSentence(error: ApiError): Problem {
  const [first] = fieldProblems(error);
  const target = first ? API_FIELDS[first.field] : undefined;
  if (!first || !target) return { field: 'form', message: error.message };
  return { field: target.field, message: `${target.label} ${first.problem}.` };
}

function fieldProblems(error: ApiError): { field: string; problem: string }[] {
  const fields = error.details.fields;
  return Array.isArray(fields) ? (fields as { field: string; problem: string }[]) : [];
}

function firstProblem(error: ApiError): string | undefined {
  return fieldProblems(error)[0]?.problem;
}

/** The hosted allow-list the API sent with `model_not_allowed`, or the one known so far. */
export function allowedModels(error: ApiError): string[] {
  const models = error.details.allowedModels;
  return Array.isArray(models) ? models.map(String) : [...hostedModels()];
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
