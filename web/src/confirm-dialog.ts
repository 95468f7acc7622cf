import { h } from './dom.js';

export interface ConfirmOptions {
  readonly title: string;
  readonly body: string[];
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
}

/**
 * Asks a yes/no question in a modal dialog and resolves true only on the
 * confirm button. Cancel has the focus first, and Escape cancels, so a stray
 * Enter never confirms a destructive action.
 */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  const cancel = h('button', { type: 'button', class: 'button' }, options.cancelLabel ?? 'Cancel');
  const confirm = h(
    'button',
    { type: 'button', class: 'button button--danger-solid' },
    options.confirmLabel,
  );
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'dialog-title', 'aria-describedby': 'dialog-body' },
    h('h2', { id: 'dialog-title', class: 'dialog__title' }, options.title),
    h('div', { id: 'dialog-body' }, ...options.body.map((text) => h('p', {}, text))),
    h('div', { class: 'actions actions--end' }, cancel, confirm),
  );
  const opener = document.activeElement;

  return new Promise((resolve) => {
    const close = (confirmed: boolean) => {
      dialog.close();
      dialog.remove();
      if (opener instanceof HTMLElement) opener.focus();
      resolve(confirmed);
    };
    cancel.addEventListener('click', () => close(false));
    confirm.addEventListener('click', () => close(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });

    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
