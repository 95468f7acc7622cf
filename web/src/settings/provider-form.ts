import { h } from '../dom.js';
import { PROVIDER } from '../types.js';
import { byoModelInput, capInput, keyInput, modelSuggestions, providerChoice } from './controls.js';
import { FormField } from './form-field.js';

/** Every element of the LLM Provider form that the panel reads or updates. */
export interface ProviderForm {
  readonly root: HTMLFormElement;
  /** Wraps every control: disabled as a whole for read-only roles. */
  readonly controls: HTMLFieldSetElement;
  readonly hostedRadio: HTMLInputElement;
  readonly byoRadio: HTMLInputElement;
  readonly byoSection: HTMLElement;
  readonly key: FormField;
  readonly currentKey: HTMLElement;
  readonly model: FormField;
  readonly cap: FormField;
  readonly spend: HTMLElement;
  readonly save: HTMLButtonElement;
  readonly revert: HTMLButtonElement;
  readonly reload: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly formError: HTMLElement;
}

/** Builds the form; the panel fills it from the agent. */
export function providerForm(readOnly: boolean): ProviderForm {
  const hosted = providerChoice(PROVIDER.hosted);
  const byo = providerChoice(PROVIDER.byo);
  const currentKey = h('div', { class: 'current-key', id: 'byo-key-current' });
  const key = new FormField({
    id: 'byo-key',
    label: 'Anthropic API key',
    control: keyInput(),
    aside: currentKey,
    descriptions: readOnly
      ? []
      : [
          h(
            'p',
            { class: 'field__hint', id: 'byo-key-hint' },
            'Pasting a new key replaces the current one, only once Anthropic has accepted it. ',
            'Create keys at console.anthropic.com → API Keys.',
          ),
        ],
  });
  const model = new FormField({
    id: 'model',
    label: 'Model',
    control: byoModelInput(''),
    descriptions: [h('p', { class: 'field__hint', id: 'model-hint' })],
  });
  const spend = h('div', { class: 'spend', id: 'cap-spend' });
  const cap = new FormField({
    id: 'daily-cap',
    label: 'Daily spend cap (USD)',
    control: capInput(),
    descriptions: [
      h(
        'p',
        { class: 'field__hint', id: 'daily-cap-hint' },
        'Enforced on hosted and BYO calls alike, estimated from token counts.',
      ),
    ],
  });
  const byoSection = h('div', { class: 'byo-section' }, key.root);

  const save = h('button', { type: 'submit', class: 'button button--primary' }, 'Save');
  const revert = h(
    'button',
    { type: 'button', class: 'button button--danger' },
    'Revert to hosted',
  );
  const reload = h('button', { type: 'button', class: 'button', hidden: true }, 'Reload');
  const status = h('p', { class: 'form-status', role: 'status' });
  const formError = h('p', { class: 'form-error', role: 'alert' });

  const providers = h(
    'fieldset',
    { class: 'choices' },
    h('legend', { class: 'field__label' }, 'Provider'),
    hosted.root,
    byo.root,
  );
  const controls = h(
    'fieldset',
    { class: 'form-controls', disabled: readOnly },
    providers,
    byoSection,
    model.root,
    cap.root,
    spend,
    h('div', { class: 'actions' }, save, revert),
  );
  const root = h(
    'form',
    { class: 'settings-form', method: 'post', novalidate: true },
    controls,
    modelSuggestions(),
    formError,
    reload,
    status,
  );

  return {
    root,
    controls,
    hostedRadio: hosted.radio,
    byoRadio: byo.radio,
    byoSection,
    key,
    currentKey,
    model,
    cap,
    spend,
    save,
    revert,
    reload,
    status,
    formError,
  };
}
