import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './free-port.js';
import { REPO_ROOT, VENV_DIR } from './python-env.js';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;
const STOP_TIMEOUT_MS = 5_000;
const STDERR_TAIL_CHARS = 4_000;

/** A running moto server: the endpoint the SDK clients talk to, and its off switch. */
export interface MotoServer {
  readonly endpoint: string;
  /** Stops moto and waits for the process to be gone. */
  stop(): Promise<void>;
}

/**
 * Starts moto, the AWS emulator, as a child process in its own process group,
 * and resolves once it answers HTTP. It answers one request at a time, since
 * moto's DynamoDB is not atomic per item (see moto_serial_server.py). Moto keeps everything in memory, so each
 * start is a blank account. Port 0 is not supported: moto cannot report the
 * port it got, so a free one is picked first.
 */
export async function startMoto(options: { port?: number } = {}): Promise<MotoServer> {
  const port = options.port ?? (await findFreePort(HOST));
  const endpoint = `http://${HOST}:${port}`;
  const launcher = join(REPO_ROOT, 'scripts', 'local', 'moto_serial_server.py');
  const args = [launcher, '-H', HOST, '-p', String(port)];
  const child = spawn(join(VENV_DIR, 'bin', 'python'), args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = keepTail(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  // A crash of this process must not leave moto behind; `exit` handlers must be synchronous.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child, exited);
  };

  await waitUntilAnswering(endpoint, child, stderr).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { endpoint, stop };
}

/** Keeps the end of moto's stderr, to explain a failed start; moto logs every request there. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return () => tail;
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;

  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`moto_server exited during start-up:\n${stderr()}`);
    }
    const answered = await fetch(`${endpoint}/moto-api/`).then(
      (response) => response.body?.cancel().then(() => true) ?? true,
      () => false,
    );
    if (answered) return;
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`moto_server did not answer within ${START_TIMEOUT_MS} ms:\n${stderr()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;

  killGroup(child, 'SIGTERM');
  const timer = sleep(STOP_TIMEOUT_MS, 'timeout' as const, { ref: false });
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
}

/** Signals moto's whole process group; it is already gone when the group no longer exists. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: nothing left to stop.
  }
}
