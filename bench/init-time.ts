import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../scripts/local/python-env.js';
import { median, round } from './stats.js';

/** Imports the module and prints how long the import took, and nothing else. */
const TIMED_IMPORT =
  'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);';

/** One bundle under one setting. */
export interface InitTarget {
  readonly file: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Loads each target's bundle in `runs` fresh Node processes, one process at
 * a time and the targets in turn, so that a slower moment of the machine hits
 * all of them alike, and returns the median import duration of each, in
 * order: module evaluation, SDK client construction, everything a cold start
 * runs before the handler.
 */
export async function measureInitTimes(
  targets: readonly InitTarget[],
  runs: number,
): Promise<number[]> {
  const timesMs = targets.map(() => [] as number[]);
  for (let run = 0; run < runs; run += 1) {
    for (const [index, target] of targets.entries())
      timesMs[index]!.push(await timedImport(target.file, target.env));
  }
  return timesMs.map((times) => round(median(times)));
}

function timedImport(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', TIMED_IMPORT, pathToFileURL(file).href],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2_000);
    });
    child.once('error', fail);
    child.once('exit', (code) => {
      const ms = Number(stdout.trim().split('\n').pop());
      if (code === 0 && Number.isFinite(ms)) done(ms);
      else fail(new Error(`importing ${file} failed (exit ${code}):\n${stderr}`));
    });
  });
}
