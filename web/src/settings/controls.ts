import { h } from '../dom.js';
import { BYO_MODEL_SUGGESTIONS, hostedModels } from '../models.js';
import { PROVIDER, type Provider } from '../types.js';

export const MODEL_SUGGESTIONS_ID = 'byo-model-suggestions';

/** The hosted allow-list as a select; `value` is chosen when it is on the list. */
export function hostedModelSelect(value: string): HTMLSelectElement {
  const models = hostedModels();
  const chosen = models.includes(value) ? value : models[0];
  const options = models.map((model) => h('option', { value: model }, model));
  const select = h('select', {}, ...options);
  select.value = chosen ?? '';
  return select;
}

/** Free entry of any `claude-*` model, with suggestions. */
export function byoModelInput(value: string): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    list: MODEL_SUGGESTIONS_ID,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    placeholder: 'claude-…',
  });
  input.value = value;
  return input;
}

export function modelSuggestions(): HTMLDataListElement {
  const options = BYO_MODEL_SUGGESTIONS.map((model) => h('option', { value: model }));
  return h('datalist', { id: MODEL_SUGGESTIONS_ID }, ...options);
}

/**
 * The key input: a password field, never prefilled, unnamed (so no native
 * form submission could carry it) and kept away from autofill and spelling
 * services, which may send what is typed elsewhere.
 */
export function keyInput(): HTMLInputElement {
  return h('input', {
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    'data-1p-ignore': true,
    'data-lpignore': 'true',
    placeholder: 'sk-ant-…',
  });
}

/** The cap in dollars: text with a decimal keypad, since number inputs mangle amounts. */
export function capInput(): HTMLInputElement {
  return h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
}

const CHOICES: Record<Provider, { label: string; description: string }> = {
  [PROVIDER.hosted]: {
    label: 'Hosted Anthropic',
    description: "mapping.travel's key. Usage counts against your subscription.",
  },
  [PROVIDER.byo]: {
    label: 'BYO Anthropic',
    description: "Your workspace's own key. Anthropic bills your account directly.",
  },
};

/** One provider radio button with its label and a description. */
export function providerChoice(provider: Provider): { root: HTMLElement; radio: HTMLInputElement } {
  const id = `provider-${provider === PROVIDER.hosted ? 'hosted' : 'byo'}`;
  const choice = CHOICES[provider];
  const radio = h('input', {
    type: 'radio',
    name: 'provider',
    id,
    value: provider,
    'aria-describedby': `${id}-description`,
  });
  const root = h(
    'div',
    { class: 'choice' },
    radio,
    h('label', { for: id, class: 'choice__label' }, choice.label),
    h('p', { id: `${id}-description`, class: 'choice__description' }, choice.description),
  );
  return { root, radio };
}
