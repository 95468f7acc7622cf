import { describe, expect, it } from 'vitest';
import { webStorage } from './support/in-page.js';
import { screenshot } from './support/screenshots.js';
import { describedError, signIn } from './support/sign-in.js';
import { useWebStack } from './support/web-stack.js';
import { freshWorkspace } from './support/workspace.js';

const web = useWebStack();

describe('the web app', () => {
  it('is served on the API origin with its security headers', async () => {
    const page = await fetch(web.webUrl);
    const api = await fetch(`${web.apiUrl}/agents`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(api.status).toBe(401);
  });

  it('serves no file outside the build and nothing but GET and HEAD', async () => {
    const outside = await fetch(`${web.webUrl}%2e%2e/package.json`);
    const missing = await fetch(`${web.webUrl}no-such-file.js`);
    const post = await fetch(web.webUrl, { method: 'POST', body: 'x' });

    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(post.status).toBe(405);
  });
});

describe('signing in', () => {
  it('lists the agents as links after a token is pasted', async () => {
    const workspace = await freshWorkspace(2);
    const page = await web.newPage();

    await signIn(page, web.webUrl, workspace.tokens.OWNER);

    await expect(page.getByRole('link', { name: 'Agent 1' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Agent 2' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'agents-list');
  });

  it('keeps the token in this tab only: sessionStorage, no cookie, no localStorage', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await signIn(page, web.webUrl, workspace.tokens.OWNER);

    const storage = await webStorage(page);
    const otherTab = await page.context().newPage();
    await otherTab.goto(web.webUrl);

    expect(storage.local).toEqual({});
    expect(Object.values(storage.session)).toEqual([workspace.tokens.OWNER]);
    expect(await page.context().cookies()).toEqual([]);
    await expect(otherTab.getByLabel('API token').isVisible()).resolves.toBe(true);
  });

  it('stays signed in across a reload of the tab', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await signIn(page, web.webUrl, workspace.tokens.OWNER);

    await page.reload();

    await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
  });

  it('refuses an unknown token next to the field and keeps nothing', async () => {
    const page = await web.newPage();
    await page.goto(web.webUrl);

    await page.getByLabel('API token').fill('mt_not-a-token-this-service-issued-000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByText('This token was not accepted').waitFor();
    await expect(describedError(page, 'API token')).resolves.toMatch(
      /^This token was not accepted/,
    );
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not accepted/);
    await expect(page.getByLabel('API token').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(webStorage(page)).resolves.toEqual({ local: {}, session: {} });
  });

  it('forgets the token on sign-out', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await signIn(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByText('You are signed out').waitFor();
    await expect(webStorage(page)).resolves.toEqual({ local: {}, session: {} });
    await expect(page.getByLabel('API token').isVisible()).resolves.toBe(true);
  });
});
