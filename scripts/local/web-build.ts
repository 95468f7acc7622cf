import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { logLine } from './local-log.js';
import { REPO_ROOT } from './python-env.js';

/** The web app's sources and its build, which the local server serves. */
export const WEB_DIR = join(REPO_ROOT, 'web');
export const WEB_DIST_DIR = join(WEB_DIR, 'dist');

/** What the build is made from: a change to any of these makes `web/dist` stale. */
const WEB_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts'].map((part) =>
  join(WEB_DIR, part),
);

/**
 * Builds the web app with Vite's JS API when `web/dist` is missing or older
 * than its sources, so `npm start` always serves what `web/src` holds. Vite
 * is imported only then: a start with a fresh build does not load it.
 */
export async function ensureWebBuild(): Promise<string> {
  const builtMs = await newestMs([join(WEB_DIST_DIR, 'index.html')]);
  const sourcesMs = await newestMs(WEB_SOURCES);
  if (builtMs !== undefined && sourcesMs !== undefined && builtMs >= sourcesMs) {
    return WEB_DIST_DIR;
  }

  logLine('INFO', 'building the web app', { outDir: WEB_DIST_DIR });
  const { build } = await import('vite');
  await build({
    configFile: join(WEB_DIR, 'vite.config.ts'),
    root: WEB_DIR,
    mode: 'production',
    logLevel: 'warn',
  });
  return WEB_DIST_DIR;
}

/** The latest modification time of the files at or under these paths. */
async function newestMs(paths: readonly string[]): Promise<number | undefined> {
  let newest: number | undefined;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const info = await stat(path);
    const ms = info.isDirectory() ? await newestMs(await childPaths(path)) : info.mtimeMs;
    if (ms !== undefined) newest = Math.max(newest ?? 0, ms);
  }
  return newest;
}

async function childPaths(directory: string): Promise<string[]> {
  const entries = await readdir(directory);
  return entries.map((entry) => join(directory, entry));
}
