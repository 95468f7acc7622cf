import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../scripts/local/python-env.js';

/**
 * Where the long runs leave their figures for `npm run security:report`:
 * `.local/` is git-ignored, so each machine reports its own last run.
 */
export const RESULTS_DIR = join(REPO_ROOT, '.local', 'security');
export const FUZZ_RESULTS = join(RESULTS_DIR, 'fuzz.json');
export const FUZZ_SHORT_RESULTS = join(RESULTS_DIR, 'fuzz-short.json');
export const LOAD_RESULTS = join(RESULTS_DIR, 'load.json');

/** Writes a run's figures with the time it finished. */
export async function saveResults(path: string, figures: object): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const saved = { finishedAt: new Date().toISOString(), ...figures };
  await writeFile(path, `${JSON.stringify(saved, null, 2)}\n`);
}

/** A run's saved figures, or undefined when it never ran on this machine. */
export async function loadResults<T>(
  path: string,
): Promise<(T & { finishedAt: string }) | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : JSON.parse(text);
}
