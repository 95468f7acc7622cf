import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../../scripts/local/python-env.js';

const SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

/**
 * Saves a screenshot to docs/screenshots/<name>.png, of the whole page unless
 * told otherwise (a modal dialog covers only the viewport), but only when
 * `UPDATE_SCREENSHOTS=1`: an ordinary test run leaves the tree unchanged.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}
