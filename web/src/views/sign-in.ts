import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { openSession, type Session } from '../session.js';
import { pageHeading } from './app-context.js';

const REFUSED =
  'This token was not accepted. Check that you copied all of it: API tokens start with mt_.';

/**
 * The sign-in form: one pasted API token, checked against the API before it
 * is kept (in this tab's sessionStorage only).
 */
export function signInView(onSignedIn: (session: Session) => void, notice?: string): HTMLElement {
  const input = h('input', {
    id: 'api-token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    required: true,
    'aria-describedby': 'api-token-hint api-token-error',
    'data-1p-ignore': true,
    'data-lpignore': 'true',
    class: 'field__control',
  });
  const error = h('p', { id: 'api-token-error', class: 'field__error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'card sign-in', method: 'post', novalidate: true },
    pageHeading('Sign in'),
    notice && h('p', { class: 'notice', role: 'status' }, notice),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'api-token', class: 'field__label' }, 'API token'),
      input,
      h(
        'p',
        { id: 'api-token-hint', class: 'field__hint' },
        'Paste an API token of your workspace. It stays in this browser tab only, and is forgotten when you sign out or close the tab.',
      ),
      error,
    ),
    h('div', { class: 'actions' }, submit),
  );

  const fail = (message: string) => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return fail('Paste your API token.');

    submit.setAttribute('aria-disabled', 'true');
    try {
      const session = await openSession(token);
      input.value = '';
      onSignedIn(session);
    } catch (caught) {
      const refused = caught instanceof ApiError && caught.code === 'unauthorized';
      fail(refused ? REFUSED : 'The API could not be reached. Try again in a moment.');
    } finally {
      submit.removeAttribute('aria-disabled');
    }
  });
  return h('div', { class: 'narrow' }, form);
}
