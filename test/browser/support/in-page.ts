import type { Page } from 'playwright-core';

/**
 * The few browser globals the tests read inside the page. The root tsconfig
 * has no DOM library (the service never runs in a browser), so the callbacks
 * given to `page.evaluate` see the page through this type instead.
 */
interface PageGlobals {
  readonly localStorage: Record<string, string>;
  readonly sessionStorage: Record<string, string>;
  readonly document: {
    readonly activeElement: InPageElement | null;
    readonly body: { append(node: unknown): void };
    readonly documentElement: { readonly scrollWidth: number };
    createElement(tag: string): unknown;
    querySelector(selector: string): InPageElement | null;
  };
}

interface InPageElement {
  readonly id: string;
  readonly textContent: string | null;
}

/** Every key and value of the page's localStorage and sessionStorage. */
export function webStorage(page: Page) {
  return page.evaluate(() => {
    const { localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
    return { local: { ...localStorage }, session: { ...sessionStorage } };
  });
}

/** The label text of the focused control, or the text of the focused element. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const element = document.activeElement;
    const label = element?.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    return (label?.textContent ?? element?.textContent ?? '').trim();
  });
}

/** How wide the page's content is, in CSS pixels. */
export function contentWidthPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return document.documentElement.scrollWidth;
  });
}

/** Adds an input with no label: an accessibility violation, on purpose. */
export function addUnlabelledInput(page: Page): Promise<void> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    document.body.append(document.createElement('input'));
  });
}

/** Runs axe-core, already evaluated in the page, and returns its violations. */
export function runAxe(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  });
}
