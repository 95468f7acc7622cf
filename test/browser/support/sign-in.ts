import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the app, pastes the token into "API token" and waits for the agents list. */
export async function signIn(page: Page, webUrl: string, token: string): Promise<void> {
  await page.goto(webUrl);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
}

/** Signs in and opens an agent's settings from the list, by the agent's name. */
export async function openAgentSettings(
  page: Page,
  webUrl: string,
  token: string,
  agentName = 'Agent 1',
): Promise<void> {
  await signIn(page, webUrl, token);
  await page.getByRole('link', { name: agentName }).click();
  await page.getByRole('region', { name: 'LLM Provider' }).waitFor();
}

/** The text of the error line tied to a control through `aria-describedby`. */
export async function describedError(page: Page, label: string): Promise<string> {
  const control = page.getByLabel(label, { exact: true });
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ');
  const errorId = ids.find((id) => id.endsWith('-error'));
  expect(errorId, `${label} has an error line in its description`).toBeDefined();
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}
