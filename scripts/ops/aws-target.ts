import { readFile } from 'node:fs/promises';
import { ENV, type EnvName } from '../../functions/shared/environment.js';
import { OpsError } from './errors.js';

type Variables = Record<string, string>;

/** Only the service's own variables are taken: not the function's log level or Node options. */
const SERVICE_VARIABLES = new Set<string>(Object.values(ENV));

/**
 * A function's environment as JSON: the bare object, or what
 * `aws lambda get-function-configuration` prints (`Environment.Variables`),
 * or its `--query Environment` form (`Variables`).
 */
function variablesOf(parsed: unknown): Variables | undefined {
  const object = parsed as { Environment?: { Variables?: unknown }; Variables?: unknown };
  const candidate = object?.Environment?.Variables ?? object?.Variables ?? parsed;
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) return undefined;
  const entries = Object.entries(candidate).filter(
    ([name, value]) => SERVICE_VARIABLES.has(name) && typeof value === 'string',
  );
  return Object.fromEntries(entries) as Variables;
}

async function readEnvironmentFile(path: string): Promise<Variables> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new OpsError(`Cannot read --environment-file ${path}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OpsError(`--environment-file ${path} is not JSON`);
  }
  const variables = variablesOf(parsed);
  if (!variables) throw new OpsError(`--environment-file ${path} holds no environment variables`);
  return variables;
}

/**
 * Gives this process a deployed stage's function environment, from
 * `--environment-file` or from variables already exported, and leaves AWS
 * credentials and region to the SDK's standard chain (profile, SSO, role).
 *
 * Known gap: the names are not read from the stack's CloudFormation outputs,
 * because @aws-sdk/client-cloudformation is not a dependency and the
 * fingerprint key is not an output; a function's environment holds every
 * name the commands need.
 */
export async function useAwsTarget(
  stackName: string,
  environmentFile: string | undefined,
  needs: readonly EnvName[],
  warn: (text: string) => void,
): Promise<void> {
  if (environmentFile) Object.assign(process.env, await readEnvironmentFile(environmentFile));

  const missing = needs.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new OpsError(
      `Missing ${missing.join(', ')}: pass --environment-file with the environment of one ` +
        `of the ${stackName} functions (see docs/operations.md#the-ops-cli)`,
    );
  }

  const agentsTable = process.env[ENV.agentsTable];
  if (agentsTable && !agentsTable.startsWith(`${stackName}-`)) {
    warn(`warning: table ${agentsTable} is not named after stack ${stackName}; check the stage`);
  }
  if (process.env.AWS_ENDPOINT_URL) {
    warn(`warning: AWS_ENDPOINT_URL is set; AWS calls go to ${process.env.AWS_ENDPOINT_URL}`);
  }
}
