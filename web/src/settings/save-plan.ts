import type { FieldName } from '../error-messages.js';
import { parseDollarsToCents } from '../format.js';
import { hostedModels, isModelId } from '../models.js';
import { type Agent, type AgentPatch, PROVIDER, type Provider } from '../types.js';

/** What the settings form holds when Save is pressed. */
export interface FormValues {
  readonly provider: Provider;
  readonly key: string;
  readonly model: string;
  readonly capText: string;
}

/** A change to send, what it does to the key, or why it cannot be sent. */
export type SavePlan =
  | { readonly kind: 'invalid'; readonly problems: { field: FieldName; message: string }[] }
  | { readonly kind: 'unchanged' }
  | {
      readonly kind: 'change';
      readonly patch: AgentPatch;
      /** A key goes to Anthropic for validation first. */
      readonly sendsKey: boolean;
      /** The BYO key will be deleted: ask first. */
      readonly reverts: boolean;
    };

/**
 * Compares the form with the agent as loaded and keeps only what changed,
 * since the API needs OWNER or ADMIN for every field but the name and a
 * PATCH must name at least one field. Catches what is wrong before sending.
 */
export function planSave(agent: Agent, values: FormValues): SavePlan {
  const byo = values.provider === PROVIDER.byo;
  const key = byo ? values.key.trim() : '';
  const model = values.model.trim();
  const cap = parseDollarsToCents(values.capText);
  const problems = formProblems(agent, values.provider, key, model, cap);
  if (problems.length > 0) return { kind: 'invalid', problems };

  const patch: AgentPatch = {};
  if (values.provider !== agent.llmProvider) patch.llmProvider = values.provider;
  if (model !== agent.llmModel) patch.llmModel = model;
  if (key) patch.byoApiKey = key;
  if (typeof cap === 'number' && cap !== agent.dailySpendCapCents) patch.dailySpendCapCents = cap;
  if (Object.keys(patch).length === 0) return { kind: 'unchanged' };

  const reverts = agent.llmProvider === PROVIDER.byo && !byo;
  return { kind: 'change', patch, sendsKey: Boolean(key), reverts };
}

function formProblems(
  agent: Agent,
  provider: Provider,
  key: string,
  model: string,
  cap: number | { problem: string },
) {
  const problems: { field: FieldName; message: string }[] = [];
  const switchesToByo = provider === PROVIDER.byo && agent.llmProvider !== PROVIDER.byo;
  if (switchesToByo && !key) {
    problems.push({ field: 'key', message: 'Paste your Anthropic API key to switch to BYO.' });
  }
  if (provider === PROVIDER.byo && !isModelId(model)) {
    problems.push({
      field: 'model',
      message: 'Enter an Anthropic model id that starts with claude-, such as claude-opus-4-7.',
    });
  }
  if (provider === PROVIDER.hosted && !hostedModels().includes(model)) {
    problems.push({
      field: 'model',
      message: `Hosted agents can only use ${hostedModels().join(' or ')}.`,
    });
  }
  if (typeof cap !== 'number') problems.push({ field: 'cap', message: cap.problem });
  return problems;
}
