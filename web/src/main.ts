import './styles/base.css';
import './styles/lists.css';
import './styles/forms.css';
import './styles/narrow.css';
import { ApiError } from './api.js';
import { h, replaceChildren } from './dom.js';
import { forgetToken, openSession, type Session, storedToken } from './session.js';
import { agentPageView } from './views/agent-page.js';
import { agentsListView } from './views/agents-list.js';
import type { AppContext } from './views/app-context.js';
import { signInView } from './views/sign-in.js';
import { errorView, notFoundView } from './views/status-views.js';

const main = document.getElementById('main') as HTMLElement;
const account = document.getElementById('account') as HTMLElement;

let session: Session | undefined;
/** Counts renders, so a slow page that finishes after a newer one is dropped. */
let renderCount = 0;

const app = (current: Session): AppContext => ({
  session: current,
  endSession: () =>
    signOut('Your session ended: the API no longer accepts this token. Sign in again.'),
  navigate: (hash) => {
    if (location.hash === hash) void render();
    else location.hash = hash;
  },
});

/** Routes `#/agents`, `#/agents/{id}` and `#/agents/{id}/audit`; hash routes need no server rewrites. */
function viewFor(context: AppContext, path: string): Promise<HTMLElement> {
  const agent = /^\/agents\/([A-Za-z0-9_-]+)(\/audit)?\/?$/.exec(path);
  if (agent?.[1]) return agentPageView(context, agent[1], agent[2] ? 'audit' : 'settings');
  if (path === '/' || path === '' || path === '/agents') return agentsListView(context);
  return Promise.resolve(notFoundView());
}

async function render(notice?: string): Promise<void> {
  const count = ++renderCount;
  session ??= await resume();
  renderAccount();
  if (!session) return show(signInView(signedIn, notice), count);

  document.title = 'Agents · mapping.travel';
  main.setAttribute('aria-busy', 'true');
  const path = location.hash.replace(/^#/, '');
  const view = await viewFor(app(session), path).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'unauthorized') {
      void signOut('Your session ended: the API no longer accepts this token. Sign in again.');
    }
    return errorView(error);
  });
  show(view, count);
}

function show(view: HTMLElement, count: number): void {
  if (count !== renderCount) return;
  replaceChildren(main, view);
  main.removeAttribute('aria-busy');
  main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

/** Picks the session up again after a reload of the tab, if its token still works. */
async function resume(): Promise<Session | undefined> {
  const token = storedToken();
  if (!token) return undefined;
  return openSession(token).catch(() => {
    forgetToken();
    return undefined;
  });
}

function signedIn(next: Session): void {
  session = next;
  if (location.hash === '' || location.hash === '#/') location.hash = '#/agents';
  else void render();
}

function signOut(notice: string): Promise<void> {
  forgetToken();
  session = undefined;
  return render(notice);
}

function renderAccount(): void {
  if (!session) {
    replaceChildren(account);
    return;
  }
  const button = h('button', { type: 'button', class: 'button button--quiet' }, 'Sign out');
  button.addEventListener('click', () => {
    void signOut('You are signed out. The token was removed from this browser tab.');
  });
  const role = session.canManage ? 'Can change settings' : 'Read-only access';
  replaceChildren(account, h('span', { class: 'account__role' }, role), button);
}

/** The skip link targets `#main`, which would otherwise read as a route. */
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => void render());
void render();
