import { describe, expect, it } from 'vitest';
import { emulator, hintOf, newAnthropicKey, registeredKey } from './support/keys.js';
import { watchPage } from './support/page-watch.js';
import { screenshot } from './support/screenshots.js';
import { describedError, openAgentSettings } from './support/sign-in.js';
import { useWebStack } from './support/web-stack.js';
import { agentsApi, byoWorkspace, freshWorkspace } from './support/workspace.js';

const web = useWebStack();
const agents = () => agentsApi(web.apiUrl);

describe('setting a BYO key', () => {
  it('validates the pasted key, then shows its hint and empties the field', async () => {
    const workspace = await freshWorkspace();
    const apiKey = await registeredKey();
    await emulator().injectFault({ kind: 'delay', latencyMs: 1500, match: { apiKey } });
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    await page.getByLabel('Anthropic API key').fill(apiKey);
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('status').getByText('Validating key with Anthropic…').waitFor();
    await page.getByText(`Saved. This agent now uses your key ${hintOf(apiKey)}`).waitFor();
    const panel = await page.getByRole('region', { name: 'LLM Provider' }).textContent();
    expect(panel).toContain(hintOf(apiKey));
    expect(panel).toContain('Validated');
    await expect(page.getByLabel('Anthropic API key').inputValue()).resolves.toBe('');
    const stored = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    expect(stored.body).toMatchObject({ llmProvider: 'BYO_ANTHROPIC', byoKeyHint: hintOf(apiKey) });
    await screenshot(page, 'byo-settings');
  });

  it('offers a password field that is never prefilled and kept from autofill', async () => {
    const workspace = await byoWorkspace(web.apiUrl);
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    const field = page.getByLabel('Anthropic API key');

    await expect(field.getAttribute('type')).resolves.toBe('password');
    await expect(field.getAttribute('autocomplete')).resolves.toBe('off');
    await expect(field.inputValue()).resolves.toBe('');
    await expect(page.getByText('replaces the current one').isVisible()).resolves.toBe(true);
  });

  it('shows a refused key next to the field and changes nothing', async () => {
    const workspace = await freshWorkspace();
    const before = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    await page.getByLabel('Anthropic API key').fill(newAnthropicKey());
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByText('Anthropic did not accept this key').waitFor();
    await expect(describedError(page, 'Anthropic API key')).resolves.toMatch(
      /^Anthropic did not accept this key\. .*Nothing was changed\.$/,
    );
    const field = page.getByLabel('Anthropic API key');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#byo-key-error').getAttribute('role')).resolves.toBe('alert');
    const after = await agents().get(workspace.tokens.OWNER, workspace.agentId);
    expect(after.body).toEqual(before.body);
    await screenshot(page, 'invalid-key');
  });

  const refusals = [
    {
      name: 'a key without permission',
      key: () => registeredKey({ status: 'forbidden' }),
      field: 'Anthropic API key',
      message: /^Anthropic refused this key permission to send messages/,
    },
    {
      name: 'a key without credit',
      key: () => registeredKey({ status: 'no_credit' }),
      field: 'Anthropic API key',
      message: /^The Anthropic account behind this key has no credit left/,
    },
    {
      name: 'a key that cannot use the model',
      key: () => registeredKey({ models: ['claude-haiku-4-5'] }),
      field: 'Model',
      message: /^This key cannot use the model claude-opus-4-7/,
    },
    {
      name: 'an Admin API key',
      key: async () => `sk-ant-admin01-${newAnthropicKey().slice(13)}`,
      field: 'Anthropic API key',
      message: /^This is not a usable Anthropic API key: this is an Admin API key/,
    },
    {
      name: 'a key Anthropic could not be asked about',
      key: async () => {
        const apiKey = await registeredKey();
        await emulator().injectFault({ kind: 'status', status: 503, match: { apiKey } });
        return apiKey;
      },
      field: 'Anthropic API key',
      message: /^Anthropic could not be reached .*Try again in 30 seconds\.$/,
    },
  ];

  it.each(refusals)('explains $name next to the field', async (refusal) => {
    const workspace = await freshWorkspace();
    const apiKey = await refusal.key();
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);

    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    await page.getByLabel('Anthropic API key').fill(apiKey);
    await page.getByRole('button', { name: 'Save' }).click();

    await expect
      .poll(() => describedError(page, refusal.field), { timeout: 10_000 })
      .toMatch(refusal.message);
    await expect(
      page.getByLabel(refusal.field, { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
  });
});

describe('key custody in the browser', () => {
  it('keeps every key out of storage, cookies, URLs, the console, responses and logs', async () => {
    const workspace = await freshWorkspace();
    const [first, second, refused] = [
      await registeredKey(),
      await registeredKey(),
      newAnthropicKey(),
    ];
    const page = await web.newPage();
    const watch = watchPage(page);
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);
    const save = async (apiKey: string, outcome: string) => {
      await page.getByLabel('Anthropic API key').fill(apiKey);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText(outcome).waitFor();
    };

    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    await save(first, 'Saved. This agent now uses your key');
    await save(refused, 'Anthropic did not accept this key');
    await save(second, 'Saved. The new key');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Key refused at validation').waitFor();

    // The search finds what is there: the token sits in sessionStorage, and the API logs.
    await expect(watch.placesHolding(workspace.tokens.OWNER)).resolves.toContain('storage');
    expect(web.logs.lines().length).toBeGreaterThan(0);
    for (const apiKey of [first, second, refused]) {
      await expect(watch.placesHolding(apiKey)).resolves.toEqual([]);
      expect(web.logs.lines().filter((line) => line.includes(apiKey))).toEqual([]);
    }
  });
});
