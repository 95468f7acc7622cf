import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { addUnlabelledInput, contentWidthPx, focusedName } from './support/in-page.js';
import { hintOf, newAnthropicKey, registeredKey } from './support/keys.js';
import { screenshot } from './support/screenshots.js';
import { openAgentSettings, signIn } from './support/sign-in.js';
import { useWebStack } from './support/web-stack.js';
import { freshWorkspace } from './support/workspace.js';

const web = useWebStack();

/** Presses Tab until the focused element has this accessible label or text; fails after 40. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('accessibility', () => {
  it('has no serious or critical axe violations in any state', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    const violations: Record<string, string[]> = {};
    const check = async (state: string) => {
      violations[state] = await seriousAxeViolations(page);
    };

    await page.goto(web.webUrl);
    await check('sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await check('sign-in error');
    await signIn(page, web.webUrl, workspace.tokens.OWNER);
    await check('agents list');
    await page.getByRole('link', { name: 'Agent 1' }).click();
    await page.getByRole('region', { name: 'LLM Provider' }).waitFor();
    await check('hosted settings');
    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    await page.getByLabel('Anthropic API key').fill(newAnthropicKey());
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Anthropic did not accept this key').waitFor();
    await check('key error');
    await page.getByLabel('Anthropic API key').fill(await registeredKey());
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await check('BYO settings');
    await page.getByRole('button', { name: 'Revert to hosted' }).click();
    await check('revert dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Settings changed').waitFor();
    await check('audit log');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'LLM Provider' }).waitFor();
    await check('mobile settings');

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((key) => [key, []])));
  });

  it('would report a violation: the check is not vacuous', async () => {
    const page = await web.newPage();
    await page.goto(web.webUrl);

    await addUnlabelledInput(page);

    await expect(seriousAxeViolations(page)).resolves.toEqual([
      expect.stringMatching(/^critical label: /),
    ]);
  });

  it('has no serious or critical axe violations for a read-only VIEWER', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.VIEWER);

    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it('can be used with the keyboard alone: sign in, set a key, revert', async () => {
    const workspace = await freshWorkspace();
    const apiKey = await registeredKey();
    const page = await web.newPage();
    await page.goto(web.webUrl);

    await tabTo(page, 'API token');
    await page.keyboard.type(workspace.tokens.OWNER);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
    await tabTo(page, 'Agent 1');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'LLM Provider' }).waitFor();
    await tabTo(page, 'Hosted Anthropic');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Anthropic API key');
    await page.keyboard.type(apiKey);
    await page.keyboard.press('Enter');
    await page.getByText(`Saved. This agent now uses your key ${hintOf(apiKey)}`).waitFor();
    await tabTo(page, 'Revert to hosted');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByText('Reverted to hosted Anthropic.').waitFor();
    await expect(focusedName(page)).resolves.toBe('Save');
  });
});

describe('layout', () => {
  it('fits a 390 px wide screen without scrolling sideways', async () => {
    const workspace = await freshWorkspace();
    const apiKey = await registeredKey();
    const page = await web.newPage({ width: 390, height: 844 });
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);
    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    await page.getByLabel('Anthropic API key').fill(apiKey);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    const widthPx = await contentWidthPx(page);

    expect(widthPx).toBeLessThanOrEqual(390);
    await screenshot(page, 'mobile-390');
  });
});
