import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../functions/auth/principal.js';
import { REPO_ROOT } from './python-env.js';

/** `.local/stack.json`: git-ignored, readable by its owner only, since it holds tokens. */
export const STACK_FILE = join(REPO_ROOT, '.local', 'stack.json');

/** What a running local stack tells other tools (scripts, curl users, benchmarks). */
export interface StackFile {
  readonly apiUrl: string;
  /** The web app, served on the API's origin: `http://127.0.0.1:<port>/`. */
  readonly webUrl: string;
  readonly awsEndpoint: string;
  readonly region: string;
  readonly anthropicBaseUrl: string;
  readonly workspaces: readonly {
    readonly id: string;
    readonly tokens: Partial<Record<Role, string>>;
    readonly agentIds: readonly string[];
  }[];
  /** A key the local emulator accepts, for trying the BYO flow. */
  readonly demoByoKey: string;
  readonly functionEnvironment: Record<string, string>;
}

/** Writes the stack file with mode 0600, also when an older file had wider permissions. */
export async function writeStackFile(stack: StackFile): Promise<void> {
  await mkdir(join(REPO_ROOT, '.local'), { recursive: true, mode: 0o700 });
  await writeFile(STACK_FILE, `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600 });
  await chmod(STACK_FILE, 0o600);
}

/** Reads the stack file of the running local stack; fails with a hint when there is none. */
export async function readStackFile(): Promise<StackFile> {
  const text = await readFile(STACK_FILE, 'utf8').catch(() => {
    throw new Error(`No ${STACK_FILE}: start the local stack first with \`npm start\``);
  });
  return JSON.parse(text) as StackFile;
}
