import { readFile } from 'node:fs/promises';
import { ENV, type EnvName } from '../../functions/shared/environment.js';
import { type Stage, stackNameOf } from '../../lib/definitions/stages.js';
import { OUTPUT_OF_VARIABLE, readStackOutputs, type StackOutputs } from './data/stack-outputs.js';
import { OpsError } from './errors.js';
import type { Target } from './target.js';

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

/** The function variables the stack's outputs give. */
function variablesOfOutputs(outputs: StackOutputs): Variables {
  const entries = Object.entries(OUTPUT_OF_VARIABLE).flatMap(([name, key]) =>
    key && outputs[key] ? [[name, outputs[key]]] : [],
  );
  return Object.fromEntries(entries);
}

/** Calls `load` on first use only, and gives every caller that one answer. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => {
    answer ??= load();
    return answer;
  };
}

function missingError(missing: readonly EnvName[], stackName: string): OpsError {
  const described = missing.map((name) =>
    OUTPUT_OF_VARIABLE[name] ? `${name} (stack output ${OUTPUT_OF_VARIABLE[name]})` : name,
  );
  return new OpsError(
    `Missing ${described.join(', ')}: deploy the current version of ${stackName}, or pass ` +
      '--environment-file with the environment of one of its functions ' +
      '(see docs/operations.md#the-ops-cli)',
  );
}

function warnOfSurprises(stackName: string, warn: (text: string) => void): void {
  const agentsTable = process.env[ENV.agentsTable];
  if (agentsTable && !agentsTable.startsWith(`${stackName}-`)) {
    warn(`warning: table ${agentsTable} is not named after stack ${stackName}; check the stage`);
  }
  if (process.env.AWS_ENDPOINT_URL) {
    warn(`warning: AWS_ENDPOINT_URL is set; AWS calls go to ${process.env.AWS_ENDPOINT_URL}`);
  }
}

/**
 * Gives this process a deployed stage's names (tables, vault prefix,
 * fingerprint key) from the stack's CloudFormation outputs, and leaves AWS
 * credentials and region to the SDK's standard chain (profile, SSO, role).
 * An `--environment-file` (a function's environment) overrides the outputs;
 * when it holds every name the command needs, CloudFormation is not asked at
 * all. Variables already exported in the shell are not used: a stale export
 * must not point a stage's command at another stage's tables.
 */
export async function useAwsTarget(
  stage: Stage,
  environmentFile: string | undefined,
  needs: readonly EnvName[],
  warn: (text: string) => void,
): Promise<Target> {
  const stackName = stackNameOf(stage);
  const outputs = once(() => readStackOutputs(stackName));
  const fromFile = environmentFile ? await readEnvironmentFile(environmentFile) : {};

  const fileSuffices = needs.every((name) => fromFile[name]);
  const fromStack = fileSuffices ? {} : variablesOfOutputs(await outputs());
  const variables: Variables = { ...fromStack, ...fromFile };
  const missing = needs.filter((name) => !variables[name]);
  if (missing.length > 0) throw missingError(missing, stackName);

  Object.assign(process.env, variables);
  warnOfSurprises(stackName, warn);
  return { kind: 'aws', stage, stackName, outputs };
}
