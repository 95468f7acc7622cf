import { describe, expect, it } from 'vitest';
import { newAnthropicKey } from './support/keys.js';
import { describedError, openAgentSettings } from './support/sign-in.js';
import { useWebStack } from './support/web-stack.js';
import { freshWorkspace } from './support/workspace.js';

// One validation a minute, so the second key meets the limit at once.
const web = useWebStack({ environment: { KEY_VALIDATIONS_PER_MINUTE: '1' } });

describe('the key validation limit', () => {
  it('asks the user to wait, next to the key field, when the workspace checked too many keys', async () => {
    const workspace = await freshWorkspace();
    const page = await web.newPage();
    await openAgentSettings(page, web.webUrl, workspace.tokens.OWNER);
    await page.getByRole('radio', { name: 'BYO Anthropic' }).check();
    const tryKey = async () => {
      await page.getByLabel('Anthropic API key').fill(newAnthropicKey());
      await page.getByRole('button', { name: 'Save' }).click();
    };

    await tryKey();
    await page.getByText('Anthropic did not accept this key').waitFor();
    await tryKey();

    await expect
      .poll(() => describedError(page, 'Anthropic API key'))
      .toMatch(
        /^Too many keys were checked for this workspace in a short time\. Wait (\d+ seconds|a minute), then try again\.$/,
      );
  });
});
