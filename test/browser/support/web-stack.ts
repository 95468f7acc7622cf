import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApiServer } from '../../../scripts/local/api-server.js';
import { ensureWebBuild } from '../../../scripts/local/web-build.js';
import { type CapturedLogs, captureLogs } from '../../support/capture-logs.js';
import { applyLocalStackEnvironment } from '../../support/local-api.js';

/** Debian's Chromium; CI installs it with `apt-get install -y chromium`. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (containers), and nothing that calls home during a test. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** What a browser test file gets: the page's origin and a browser to open it in. */
export interface WebStack {
  /** `http://127.0.0.1:<port>/`: the web app, with the API under `/api/v1`. */
  webUrl: string;
  apiUrl: string;
  /** Everything the local API printed (the functions' log lines). */
  logs: CapturedLogs;
  /** A page in a fresh browser context: no storage, no cookies, US English, UTC. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
}

export interface WebStackOptions {
  /** Variables to override in the functions' environment, such as a limit. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * Builds the web app if it is stale, serves it with the local API in this
 * worker (against the shared moto and emulator), and starts Chromium; all
 * stopped after the file's tests. Each page gets its own browser context,
 * so tests never share storage or cookies.
 */
export function useWebStack(options: WebStackOptions = {}): WebStack {
  const stack = {} as WebStack;
  let browser: Browser | undefined;
  let stopApi: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    stack.logs = captureLogs({ echo: process.env.ECHO_TEST_LOGS === '1' });
    const webRoot = await ensureWebBuild();
    applyLocalStackEnvironment();
    // Read by the handlers when they load, at the first request.
    Object.assign(process.env, options.environment);
    const server = await startApiServer({ port: 0, webRoot });
    stopApi = server.stop;
    stack.webUrl = server.webUrl ?? '';
    stack.apiUrl = server.url;

    // `launch` gives Chromium a fresh temporary profile, deleted when it closes.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stopApi?.();
    stack.logs?.stop();
  });

  stack.newPage = async (options = {}) => {
    if (!browser) throw new Error('useWebStack: the browser is not running yet');
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
      reducedMotion: 'reduce',
    });
    return context.newPage();
  };
  return stack;
}
