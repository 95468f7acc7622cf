import { h, replaceChildren } from '../dom.js';
import { centsToDollarsText, timeElement } from '../format.js';
import { hostedModels } from '../models.js';
import { type Agent, PROVIDER, type Provider } from '../types.js';
import { byoModelInput, hostedModelSelect } from './controls.js';
import type { ProviderForm } from './provider-form.js';

/** Puts the agent as stored into the form: the key field always empty. */
export function fillForm(form: ProviderForm, agent: Agent): void {
  form.hostedRadio.checked = agent.llmProvider === PROVIDER.hosted;
  form.byoRadio.checked = agent.llmProvider === PROVIDER.byo;
  form.key.control.value = '';
  form.cap.control.value = centsToDollarsText(agent.dailySpendCapCents);
  form.revert.hidden = agent.llmProvider !== PROVIDER.byo;
  renderCurrentKey(form.currentKey, agent);
  showProvider(form, agent.llmProvider, agent.llmModel);
  for (const field of [form.key, form.model, form.cap]) field.setError(undefined);
}

/** The provider radios chosen: show the key field for BYO, and the matching model control. */
export function showProvider(form: ProviderForm, provider: Provider, model: string): void {
  const byo = provider === PROVIDER.byo;
  form.byoSection.hidden = !byo;
  form.model.replaceControl(byo ? byoModelInput(model) : hostedModelSelect(model));

  const hint = form.model.root.querySelector('.field__hint');
  if (!hint) return;
  if (byo) {
    hint.textContent = 'Any claude-* model your Anthropic account has access to.';
  } else if (hostedModels().includes(model)) {
    hint.textContent = 'Hosted agents use the models on the hosted allow-list.';
  } else {
    hint.textContent = `${model} is not on the hosted allow-list: choose one of these models.`;
  }
}

/** The key on record, by hint only, and when Anthropic last accepted it. */
function renderCurrentKey(target: HTMLElement, agent: Agent): void {
  if (!agent.byoKeyHint) {
    replaceChildren(target, h('span', { class: 'current-key__label' }, 'No key stored yet'));
    return;
  }

  const validated = agent.byoKeyValidatedAt
    ? h('span', {}, 'Validated ', timeElement(agent.byoKeyValidatedAt))
    : undefined;
  const rejected =
    agent.byoKeyStatus === 'REJECTED'
      ? h(
          'span',
          { class: 'current-key__warning' },
          'Anthropic has since refused it: paste a new key.',
        )
      : undefined;
  replaceChildren(
    target,
    h('span', { class: 'current-key__label' }, 'Current key'),
    h('code', { class: 'current-key__hint' }, agent.byoKeyHint),
    validated,
    rejected,
  );
}
