import { readFile } from 'node:fs/promises';
import { applyLocalEnvironment } from '../local/local-environment.js';
import { STACK_FILE } from '../local/stack-file.js';
import { OpsError } from './errors.js';
import type { Target } from './target.js';

/** The parts of `.local/stack.json` the ops tool needs; it never prints the file. */
interface LocalStackFile {
  readonly awsEndpoint: string;
  readonly region: string;
  readonly anthropicBaseUrl: string;
  readonly functionEnvironment: Record<string, string>;
}

async function readStackFile(path: string): Promise<LocalStackFile> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new OpsError(`No ${path}: start the local stack first with \`npm start\``);
  });
  let parsed: Partial<LocalStackFile>;
  try {
    parsed = JSON.parse(text) as Partial<LocalStackFile>;
  } catch {
    throw new OpsError(`${path} is not JSON: restart the local stack with \`npm start\``);
  }
  const { awsEndpoint, region, anthropicBaseUrl, functionEnvironment } = parsed;
  if (!awsEndpoint || !region || !anthropicBaseUrl || typeof functionEnvironment !== 'object') {
    throw new OpsError(`${path} is not a local stack file written by \`npm start\``);
  }
  return { awsEndpoint, region, anthropicBaseUrl, functionEnvironment };
}

/** True when moto answers at the endpoint; its admin route exists on any moto server. */
async function motoAnswers(endpoint: string): Promise<boolean> {
  return fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(5000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * Points this process at the running local stack: its moto endpoint, with
 * dummy credentials, and the table names, key ids and vault prefix the local
 * functions run with.
 */
export async function useLocalTarget(stackFile = STACK_FILE): Promise<Target> {
  const stack = await readStackFile(stackFile);
  if (!(await motoAnswers(stack.awsEndpoint))) {
    throw new OpsError(
      `Nothing answers at ${stack.awsEndpoint}: start the local stack with \`npm start\``,
    );
  }

  applyLocalEnvironment({
    awsEndpoint: stack.awsEndpoint,
    region: stack.region,
    anthropicUrl: stack.anthropicBaseUrl,
    functionEnvironment: stack.functionEnvironment,
  });
  return { kind: 'local', stackFile, awsEndpoint: stack.awsEndpoint };
}
