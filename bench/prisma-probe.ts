import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../scripts/local/python-env.js';
import { benchVenvBin } from './python-bench-env.js';

const PROBE_TIMEOUT_MS = 120_000;

/**
 * Whether LiteLLM's database layer can start on this machine. LiteLLM keeps
 * virtual keys, their budgets and their spend in Postgres through Prisma, and
 * Prisma's CLI fetches its query engine binary from its own download host on
 * first use, not from a package registry. Resolves to the CLI's own error line
 * when that fails, or undefined when Prisma is ready.
 */
export function probePrisma(): Promise<string | undefined> {
  return new Promise((done) => {
    const child = spawn(benchVenvBin('prisma'), ['--version'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: PROBE_TIMEOUT_MS,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => done(`prisma CLI did not run: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (code === 0) return done(undefined);
      const errorLine = output.split('\n').find((line) => /error/i.test(line));
      done((errorLine ?? `prisma --version failed (${signal ?? `exit ${code}`})`).trim());
    });
  });
}
