import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { pageHeading } from './app-context.js';

/** A route this page does not have. */
export function notFoundView(): HTMLElement {
  return h(
    'div',
    {},
    pageHeading('Page not found'),
    h(
      'p',
      {},
      'There is nothing at this address. ',
      h('a', { href: '#/agents' }, 'Go to the agents.'),
    ),
  );
}

/** A page that could not be loaded. */
export function errorView(error: unknown): HTMLElement {
  const notFound = error instanceof ApiError && error.code === 'not_found';
  const message = notFound
    ? 'This agent does not exist, or it belongs to another workspace.'
    : 'This page could not be loaded. Check your connection, then reload.';
  return h(
    'div',
    {},
    pageHeading(notFound ? 'Agent not found' : 'Something went wrong'),
    h('p', { class: 'notice', role: 'alert' }, message),
    h('p', {}, h('a', { href: '#/agents' }, 'Back to the agents')),
  );
}
