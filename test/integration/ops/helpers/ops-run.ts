import { Readable } from 'node:stream';
import type { OpsIo } from '../../../../scripts/ops/io.js';
import { run } from '../../../../scripts/ops/run.js';

/** What one ops command did: its exit code and everything it printed. */
export interface OpsResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Standard output parsed, for `--json` runs. */
  // biome-ignore lint/suspicious/noExplicitAny: reports are checked by expect(), not by types.
  json(): any;
}

export interface OpsRunOptions {
  /** Text piped to standard input, or 'tty' for a terminal; an empty pipe by default. */
  readonly stdin?: string | 'tty';
}

function stdinOf(input: OpsRunOptions['stdin']): OpsIo['stdin'] {
  if (input === 'tty') return Object.assign(Readable.from([]), { isTTY: true });
  return Readable.from(input === undefined ? [] : [Buffer.from(input, 'utf8')]);
}

/** Runs an ops command in this process, as `npm run ops -- …argv` would, capturing its output. */
export async function ops(
  argv: readonly string[],
  options: OpsRunOptions = {},
): Promise<OpsResult> {
  let stdout = '';
  let stderr = '';
  const io: OpsIo = {
    stdin: stdinOf(options.stdin),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };

  const exitCode = await run(argv, io);
  return { exitCode, stdout, stderr, json: () => JSON.parse(stdout) };
}
