import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory a script is started from. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The project's Python virtual environment, which holds moto. */
export const VENV_DIR = join(REPO_ROOT, '.venv');

const REQUIREMENTS = join(REPO_ROOT, 'requirements-dev.txt');
const INSTALLED_HASH = join(VENV_DIR, '.requirements.sha256');

/**
 * Makes `.venv` and installs `requirements-dev.txt` into it, but only when the
 * file changed since the last install: the hash of what was installed is kept
 * in the venv, so a normal start costs one file read and prints nothing.
 */
export async function ensurePythonEnv(): Promise<void> {
  if (!existsSync(join(VENV_DIR, 'bin', 'python'))) {
    console.error('Creating the Python virtual environment in .venv');
    await run('python3', ['-m', 'venv', VENV_DIR]);
  }

  const wanted = createHash('sha256')
    .update(await readFile(REQUIREMENTS))
    .digest('hex');
  const installed = await readFile(INSTALLED_HASH, 'utf8').catch(() => '');
  if (installed.trim() === wanted) return;

  console.error('Installing requirements-dev.txt into .venv');
  await run(join(VENV_DIR, 'bin', 'pip'), ['install', '--quiet', '-r', REQUIREMENTS]);
  await writeFile(INSTALLED_HASH, `${wanted}\n`);
}

/** Runs a command with inherited output and fails on a non-zero exit. */
function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensurePythonEnv();
}
