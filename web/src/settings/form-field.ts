import { type Child, h } from '../dom.js';

export type FieldControl = HTMLInputElement | HTMLSelectElement;

/**
 * A labelled control with its descriptions and an error line. The error line
 * is an alert that exists from the start (so screen readers announce the
 * text put in it), is part of the control's description, and sets
 * `aria-invalid` while it shows a message.
 */
export class FormField {
  readonly root: HTMLDivElement;
  readonly error: HTMLParagraphElement;
  readonly #id: string;
  readonly #describedBy: string;
  #control: FieldControl;

  constructor(options: {
    id: string;
    label: string;
    control: FieldControl;
    /** Elements with ids that describe the control, shown below it. */
    descriptions?: HTMLElement[];
    /** Shown beside the control, and part of its description too. */
    aside?: HTMLElement;
  }) {
    this.#id = options.id;
    this.#control = options.control;
    this.error = h('p', { class: 'field__error', id: `${options.id}-error`, role: 'alert' });
    const descriptions = [options.aside, ...(options.descriptions ?? [])].filter(
      (element): element is HTMLElement => element !== undefined,
    );
    this.#describedBy = [...descriptions.map((element) => element.id), this.error.id].join(' ');
    this.#wire(options.control);

    const row: Child = h('div', { class: 'field__row' }, options.control, options.aside);
    this.root = h(
      'div',
      { class: 'field' },
      h('label', { for: options.id, class: 'field__label' }, options.label),
      row,
      ...(options.descriptions ?? []),
      this.error,
    );
  }

  get control(): FieldControl {
    return this.#control;
  }

  /** Swaps the control (a select for an input) under the same label and descriptions. */
  replaceControl(control: FieldControl): void {
    this.#wire(control);
    this.#control.replaceWith(control);
    this.#control = control;
  }

  /** Shows a message under the control, or clears it. */
  setError(message: string | undefined): void {
    this.error.textContent = message ?? '';
    if (message) this.#control.setAttribute('aria-invalid', 'true');
    else this.#control.removeAttribute('aria-invalid');
  }

  #wire(control: FieldControl): void {
    control.id = this.#id;
    control.setAttribute('aria-describedby', this.#describedBy);
    control.classList.add('field__control');
  }
}
