import { describe, expect, it } from 'vitest';
import { hintOf, registeredKey } from './support/keys.js';
import { watchPage } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { describedError, openAgentSettings } from './support/sign-in.js';
import { useWebStack } from './support/web-stack.js';
import { agentsApi, byoWorkspace, freshWorkspace } from './support/workspace.js';

const web = useWebStack();
const agents = () => agentsApi(web.apiUrl);

describe('rotating and reverting', () => {
  it('replaces the key with a pasted one once Anthropic accepted it', async () => {
    const workspace = await byoWorkspace(web.apiUrl);
    const newKey = await registeredKey();
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);
    const panel = page.getByRole('region', { name: 'LLM Provider' });
    await expect(panel.textContent()).resolves.toContain(hintOf(workspace.apiKey));

    await page.getByLabel('Anthropic API key').fill(newKey);
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByText(`Saved. The new key ${hintOf(newKey)} replaced the old one.`).waitFor();
    await expect(panel.textContent()).resolves.not.toContain(hintOf(workspace.apiKey));
    const stored = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    expect(stored.body.byoKeyHint).toBe(hintOf(newKey));
  });

  it('reverts to hosted only once the user confirms the key is deleted from the vault', async () => {
    const workspace = await byoWorkspace(web.apiUrl);
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);
    const revert = page.getByRole('button', { name: 'Revert to hosted' });
    const dialog = page.getByRole('dialog', { name: 'Revert to hosted Anthropic?' });

    await revert.click();
    await expect(dialog.textContent()).resolves.toContain('will be deleted from the vault');
    await screenshot(page, 'revert-dialog', false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await revert.click();
    await page.keyboard.press('Escape');
    const afterCancels = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    await revert.click();
    await dialog.getByRole('button', { name: 'Delete key and revert' }).click();

    expect(afterCancels.body.llmProvider).toBe('BYO_ANTHROPIC');
    await page
      .getByText('Reverted to hosted Anthropic. The BYO key was deleted from the vault.')
      .waitFor();
    await expect(page.getByRole('radio', { name: 'Hosted Anthropic' }).isChecked()).resolves.toBe(
      true,
    );
    const stored = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    expect(stored.body.llmProvider).toBe('HOSTED_ANTHROPIC');
    expect(stored.body.byoKeyHint).toBeUndefined();
  });

  it('points to the hosted allow-list when the agent runs another model', async () => {
    const workspace = await byoWorkspace(web.apiUrl, 'claude-sonnet-4-5');
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByRole('button', { name: 'Revert to hosted' }).click();
    await page.getByRole('button', { name: 'Delete key and revert' }).click();
    await expect
      .poll(() => describedError(page, 'Model'))
      .toBe(
        'Hosted agents can only use claude-opus-4-7 or claude-haiku-4-5-20251001. Choose one of them, then save.',
      );
    await page.getByLabel('Model').selectOption('claude-haiku-4-5-20251001');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Delete key and revert' }).click();

    await page.getByText('Reverted to hosted Anthropic.').waitFor();
    const stored = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    expect(stored.body).toMatchObject({
      llmProvider: 'HOSTED_ANTHROPIC',
      llmModel: 'claude-haiku-4-5-20251001',
    });
  });
});

describe('model and cap', () => {
  it("saves the model and the cap in cents, sending the agent's ETag as If-Match", async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    const watch = watchPage(page);
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByLabel('Model').selectOption('claude-haiku-4-5-20251001');
    await page.getByLabel('Daily spend cap (USD)').fill('$1,025.5');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('status').getByText('Saved.').waitFor();
    const stored = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    expect(stored.body).toMatchObject({
      dailySpendCapCents: 102_550,
      llmModel: 'claude-haiku-4-5-20251001',
    });
    expect(watch.ifMatch).toEqual(['"1"']);
    await expect(page.getByText('$0.00 of $1,025.50').isVisible()).resolves.toBe(true);
  });

  it('refuses a cap that is not an amount in dollars without calling the API', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    const watch = watchPage(page);
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByLabel('Daily spend cap (USD)').fill('ten dollars');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(describedError(page, 'Daily spend cap (USD)')).resolves.toBe(
      'Enter the cap in dollars, such as 25 or 12.50.',
    );
    expect(watch.ifMatch).toEqual([]);
  });

  it('asks for a reload when someone else changed the agent meanwhile', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);
    await agents().patch(workspace.tokens.ADMIN, workspace.agentId, { dailySpendCapCents: 500 });

    await page.getByLabel('Daily spend cap (USD)').fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('alert')
      .getByText('Someone changed this agent after you opened it')
      .waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();

    await expect.poll(() => page.getByLabel('Daily spend cap (USD)').inputValue()).toBe('5.00');
  });
});
