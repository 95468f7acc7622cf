import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../scripts/local/python-env.js';

const STOP_TIMEOUT_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/** A process the bench started, in its own process group, and its off switch. */
export interface BenchChild {
  readonly pid: number;
  /** The end of what it printed on stderr, to explain a failure. */
  stderrTail(): string;
  /** SIGTERM to its group, SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
}

export interface ChildOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Called with each stdout line. */
  readonly onLine?: (line: string) => void;
}

/**
 * Spawns a process in its own group, so that stopping it also stops whatever
 * it spawned (LiteLLM's workers, tsx's loader), and kills the group when the
 * bench itself exits, whatever the reason.
 */
export function startChild(options: ChildOptions): BenchChild {
  const child = spawn(options.command, options.args, {
    cwd: REPO_ROOT,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-OUTPUT_TAIL_CHARS);
  });
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => options.onLine?.(line));

  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  return {
    pid: child.pid ?? -1,
    stderrTail: () => stderr,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopGroup(child, exited);
    },
  };
}

/** Starts a child and waits for the first stdout line that parses as a JSON object. */
export async function startChildWithJsonLine<T>(
  options: Omit<ChildOptions, 'onLine'>,
  timeoutMs: number,
): Promise<{ child: BenchChild; line: T }> {
  let resolveLine: (line: T) => void = () => {};
  const lineSeen = new Promise<T>((done) => {
    resolveLine = done;
  });
  const child = startChild({ ...options, onLine: (line) => parseJsonObject(line, resolveLine) });

  const timer = sleep(timeoutMs, 'timeout' as const, { ref: false });
  const first = await Promise.race([lineSeen, timer]);
  if (first === 'timeout') {
    await child.stop();
    throw new Error(
      `${options.command} printed nothing within ${timeoutMs} ms:\n${child.stderrTail()}`,
    );
  }
  return { child, line: first };
}

/** Node with the tsx loader, so a child can run the repository's TypeScript as it is. */
export function tsxNode(script: string, args: readonly string[] = []) {
  return { command: process.execPath, args: ['--import', 'tsx', script, ...args] };
}

function parseJsonObject<T>(line: string, found: (value: T) => void): void {
  if (!line.startsWith('{')) return;
  try {
    found(JSON.parse(line) as T);
  } catch {
    // Not the line we wait for.
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;

  signalGroup(child, 'SIGTERM');
  const timer = sleep(STOP_TIMEOUT_MS, 'timeout' as const, { ref: false });
  if ((await Promise.race([exited, timer])) === 'timeout') {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}
