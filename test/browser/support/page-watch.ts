import type { Page } from 'playwright-core';
import { webStorage } from './in-page.js';

/** What a page showed the outside world while a test ran. */
export interface PageWatch {
  /** Every console message and uncaught page error, as text. */
  readonly console: string[];
  /** Every URL the page navigated to or requested. */
  readonly urls: string[];
  /** Every `If-Match` header the page sent with a PATCH. */
  readonly ifMatch: string[];
  /**
   * Every place a secret could have landed on the client side: console,
   * URLs, response headers and bodies, web storage and cookies. Returns
   * the names of those holding the text.
   */
  placesHolding(secret: string): Promise<string[]>;
}

/** Starts recording a page before the test drives it. */
export function watchPage(page: Page): PageWatch {
  const consoleLines: string[] = [];
  const urls: string[] = [];
  const ifMatch: string[] = [];
  const responses: Promise<string>[] = [];

  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  page.on('request', (request) => {
    urls.push(request.url());
    const header = request.headers()['if-match'];
    if (request.method() === 'PATCH' && header) ifMatch.push(header);
  });
  page.on('response', (response) => {
    const headers = JSON.stringify(response.headers());
    const body = response.text().catch(() => '');
    responses.push(body.then((text) => `${response.url()}\n${headers}\n${text}`));
  });

  return {
    console: consoleLines,
    urls,
    ifMatch,
    async placesHolding(secret) {
      const storage = JSON.stringify(await webStorage(page));
      const cookies = JSON.stringify(await page.context().cookies());
      const places: Record<string, string[]> = {
        console: consoleLines,
        urls: [...urls, page.url()],
        responses: await Promise.all(responses),
        storage: [storage],
        cookies: [cookies],
        page: [await page.content()],
      };
      return Object.entries(places)
        .filter(([, texts]) => texts.some((text) => text.includes(secret)))
        .map(([name]) => name);
    },
  };
}
