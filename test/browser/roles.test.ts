import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/auth/principal.js';
import { hintOf, newAnthropicKey } from './support/keys.js';
import { screenshot } from './support/screenshots.js';
import { openAgentSettings } from './support/sign-in.js';
import { useWebStack } from './support/web-stack.js';
import { agentsApi, byoWorkspace, freshWorkspace } from './support/workspace.js';

const web = useWebStack();

const READ_ONLY_LINE = 'Only an OWNER or ADMIN of the workspace can change them.';

const FIELDS = [
  'Hosted Anthropic',
  'BYO Anthropic',
  'Anthropic API key',
  'Model',
  'Daily spend cap (USD)',
];
const BUTTONS = ['Save', 'Revert to hosted'];

describe('roles', () => {
  it.each<Role>(['VIEWER', 'MEMBER'])('shows %s the settings read-only', async (role) => {
    const workspace = await byoWorkspace(web.apiUrl);
    const page = await web.newPage();

    await openAgentSettings(page, web.webUrl, workspace.tokens[role]);

    const panel = page.getByRole('region', { name: 'LLM Provider' });
    await expect(panel.getByText(READ_ONLY_LINE).isVisible()).resolves.toBe(true);
    await expect(panel.textContent()).resolves.toContain(hintOf(workspace.apiKey));
    for (const label of FIELDS) {
      await expect(page.getByLabel(label, { exact: true }).isDisabled(), label).resolves.toBe(true);
    }
    for (const name of BUTTONS) {
      await expect(page.getByRole('button', { name }).isDisabled(), name).resolves.toBe(true);
    }
    await expect(page.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
    if (role === 'VIEWER') await screenshot(page, 'viewer-read-only');
  });

  it('tells a VIEWER who opens the audit log address that it is for OWNER and ADMIN', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.VIEWER);

    await page.goto(`${page.url()}/audit`);

    await page
      .getByText('Only an OWNER or ADMIN of the workspace can read the audit log.')
      .waitFor();
  });

  it.each<Role>(['OWNER', 'ADMIN'])('lets %s change the settings', async (role) => {
    const workspace = await byoWorkspace(web.apiUrl);
    const page = await web.newPage();

    await openAgentSettings(page, web.webUrl, workspace.tokens[role]);

    await expect(page.getByText(READ_ONLY_LINE).count()).resolves.toBe(0);
    await expect(page.getByLabel('Anthropic API key').isEditable()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Save' }).isEnabled()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Audit log' }).isVisible()).resolves.toBe(true);
  });
});

describe('audit log', () => {
  it('lists the changes with actor, time and the key as a hint only', async () => {
    const workspace = await byoWorkspace(web.apiUrl);
    const refused = newAnthropicKey();
    const agents = agentsApi(web.apiUrl);
    await agents.patch(workspace.tokens.ADMIN, workspace.agentId, { byoApiKey: refused });
    await agents.patch(workspace.tokens.ADMIN, workspace.agentId, { dailySpendCapCents: 2500 });
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.ADMIN);

    await page.getByRole('link', { name: 'Audit log' }).click();

    const log = page.getByRole('region', { name: 'Audit log' });
    const events = log.getByRole('listitem');
    await events.first().waitFor();
    const texts = await events.allTextContents();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Settings changed.*By ADMIN .*Daily spend cap\$10\.00 → \$25\.00$/);
    expect(texts[1]).toContain(`Key refused at validation`);
    expect(texts[1]).toContain(`Key${hintOf(refused)}`);
    expect(texts[2]).toContain(`By OWNER ${workspace.userIds.OWNER}`);
    expect(texts[2]).toContain(`Keynone → ${hintOf(workspace.apiKey)}`);
    expect(texts[2]).toContain('ProviderHosted Anthropic → BYO Anthropic');
    await expect(events.first().locator('time').getAttribute('datetime')).resolves.toMatch(
      /^\d{4}-/,
    );
    for (const apiKey of [workspace.apiKey, refused]) {
      await expect(page.content()).resolves.not.toContain(apiKey);
    }
    await screenshot(page, 'audit-log');
  });
});
