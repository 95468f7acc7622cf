import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../scripts/local/python-env.js';

/** The bench's own Python environment, apart from `.venv`, so CI never installs LiteLLM. */
export const BENCH_VENV_DIR = join(REPO_ROOT, '.venv-bench');

const REQUIREMENTS = join(REPO_ROOT, 'requirements-bench.txt');
const INSTALLED_HASH = join(BENCH_VENV_DIR, '.requirements.sha256');

/** A program in the bench venv. */
export const benchVenvBin = (name: string) => join(BENCH_VENV_DIR, 'bin', name);

/**
 * Makes `.venv-bench` and installs requirements-bench.txt when the file
 * changed since the last install (a few minutes, once). Resolves to an error
 * message instead of throwing, since the bench runs without the peer.
 */
export async function ensureBenchPythonEnv(): Promise<string | undefined> {
  const wanted = createHash('sha256')
    .update(await readFile(REQUIREMENTS))
    .digest('hex');
  const installed = await readFile(INSTALLED_HASH, 'utf8').catch(() => '');
  if (installed.trim() === wanted && existsSync(benchVenvBin('litellm'))) return undefined;

  console.error('Installing requirements-bench.txt into .venv-bench (once; a few minutes)');
  const failure =
    (existsSync(benchVenvBin('python'))
      ? undefined
      : await run('python3', ['-m', 'venv', BENCH_VENV_DIR])) ??
    (await run(benchVenvBin('pip'), ['install', '--quiet', '-r', REQUIREMENTS]));
  if (failure) return failure;

  await writeFile(INSTALLED_HASH, `${wanted}\n`);
  return undefined;
}

/** Runs a command with its output on this process's stderr; resolves to an error message on failure. */
function run(command: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => done(`${command}: ${error.message}`));
    child.once('exit', (code, signal) =>
      done(
        code === 0
          ? undefined
          : `${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`,
      ),
    );
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const failure = await ensureBenchPythonEnv();
  if (failure) {
    console.error(failure);
    process.exitCode = 1;
  }
}
