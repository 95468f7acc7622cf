import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../functions/shared/environment.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { localStack } from '../../support/local-api.js';
import { setByoKey } from './helpers/agents.js';
import { cappedAgent, undeliveredEvent } from './helpers/dead-letters.js';
import { hintOf, registeredKey } from './helpers/keys.js';
import { auditTypes, createKeySecret, deleteCreatedSecrets, pointAgentAt } from './helpers/moto.js';
import { type OpsRunOptions, ops } from './helpers/ops-run.js';
import { newVaultPrefix, useOpsStack } from './helpers/ops-stack.js';
import { queueContents, queueUrlOf, sendMessages } from './helpers/queues.js';
import { createStack, deleteStack } from './helpers/stacks.js';

// Only this file makes these stacks in the shared moto, so its tests see them in order.
const DEV_STACK = 'AgentLlmCredentials-dev';
const PROD_STACK = 'AgentLlmCredentials-prod';

/** What a stage's stack outputs, with the names of the tables and key the local stack made. */
function stageOutputs(vaultPrefix: string): Record<string, string> {
  const environment = localStack().functionEnvironment;
  return {
    AgentsTableName: environment[ENV.agentsTable]!,
    CountersTableName: environment[ENV.countersTable]!,
    AuditTableName: environment[ENV.auditTable]!,
    FingerprintKeyArn: environment[ENV.fingerprintKeyId]!,
    VaultPrefix: vaultPrefix,
  };
}

const STAGE_VARIABLES = [
  ENV.agentsTable,
  ENV.countersTable,
  ENV.auditTable,
  ENV.vaultPrefix,
  ENV.fingerprintKeyId,
];

/**
 * Runs a command with this worker's service variables set to names no stage
 * has, so that it works only with the names of the stack's outputs or of a
 * file; puts the worker's own back afterwards.
 */
async function opsOnStage(argv: readonly string[], options?: OpsRunOptions) {
  const saved = Object.values(ENV).map((name) => [name, process.env[name]] as const);
  for (const name of STAGE_VARIABLES) process.env[name] = 'not-a-stage-name';
  try {
    return await ops(argv, options);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('ops on a stage', () => {
  const stack = useOpsStack();
  const stageVaultPrefix = newVaultPrefix();
  const queueName = `it-ops-dev-cap-reset-dead-letters-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const outputs = {
      ...stageOutputs(stageVaultPrefix),
      CapResetDeadLetterQueueUrl: { Ref: 'Queue' },
    };
    await createStack(DEV_STACK, outputs, queueName);
  });
  afterAll(async () => {
    await deleteStack(DEV_STACK);
    await deleteCreatedSecrets();
  });

  it("takes the agents table and the fingerprint key from the stack's outputs", async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const agentId = workspace.agentIds[0]!;
    const apiKey = await registeredKey();
    await setByoKey(stack.url, workspace.tokens.OWNER, agentId, apiKey);

    const result = await opsOnStage(['--stage', 'dev', 'find-key', '--json'], { stdin: apiKey });

    expect(result.exitCode).toBe(0);
    expect(result.json().agents).toEqual([
      { workspaceId: workspace.id, agentId, name: 'Agent 1', hint: hintOf(apiKey) },
    ]);
    expect(result.stderr).toContain(`is not named after stack ${DEV_STACK}`);
  });

  it('takes the vault prefix from the outputs, and a name from --environment-file over them', async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const agentId = workspace.agentIds[0]!;
    const fileVaultPrefix = newVaultPrefix();
    const secretArn = await createKeySecret(fileVaultPrefix, workspace.id, agentId);
    await pointAgentAt(workspace.id, agentId, secretArn);
    const environmentFile = await stack.jsonFile({
      Variables: { [ENV.vaultPrefix]: fileVaultPrefix, [ENV.sweepMinSecretAgeSeconds]: '0' },
    });

    const fromOutputs = await opsOnStage(['--stage', 'dev', 'sweep-secrets', '--json']);
    const overridden = await opsOnStage([
      '--stage',
      'dev',
      '--environment-file',
      environmentFile,
      'sweep-secrets',
      '--json',
    ]);

    expect(fromOutputs.json()).toMatchObject({ vaultPrefix: stageVaultPrefix, listed: 0 });
    // The secret counts as in use: the agents table the outputs name says so.
    expect(overridden.json()).toMatchObject({
      vaultPrefix: fileVaultPrefix,
      listed: 1,
      orphans: [],
    });
  });

  it('replays and deletes the messages of the queue the stack outputs, when nothing is piped in', async () => {
    const capped = await cappedAgent();
    const queueUrl = await queueUrlOf(queueName);
    await sendMessages(queueUrl, [undeliveredEvent(capped.scheduledTime)]);

    const result = await opsOnStage(['--stage', 'dev', 'redrive-reset', '--json']);

    expect(result.exitCode).toBe(0);
    expect(result.json()).toEqual([
      expect.objectContaining({ scheduledTime: capped.scheduledTime, ok: true, deleted: true }),
    ]);
    expect(await auditTypes(capped.agentId)).toEqual(['SPEND_CAP_RESET']);
    expect(await queueContents(queueUrl)).toEqual({ visible: [], hidden: 0 });
  });

  it("runs from a function's environment file alone, with no stack to read", async () => {
    const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
    const variables = { ...localStack().functionEnvironment, [ENV.vaultPrefix]: stack.vaultPrefix };
    const environmentFile = await stack.jsonFile({ Environment: { Variables: variables } });

    const result = await opsOnStage([
      '--stage',
      'prod',
      '--environment-file',
      environmentFile,
      'agent',
      workspace.agentIds[0]!,
      '--json',
    ]);

    expect(result.exitCode).toBe(0);
    expect(result.json().agent).toMatchObject({
      id: workspace.agentIds[0],
      workspaceId: workspace.id,
    });
    expect(result.stderr).toContain(`is not named after stack ${PROD_STACK}`);
    expect(result.stderr).toContain('warning: AWS_ENDPOINT_URL is set');
  });

  it('says which stack it cannot read, with the reason', async () => {
    const result = await opsOnStage(['--stage', 'prod', 'capped']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `ops capped: cannot read the outputs of stack ${PROD_STACK} (check the stage, the account ` +
        'and the region, or pass --environment-file): ' +
        `ValidationError Stack with id ${PROD_STACK} does not exist\n`,
    );
  });

  it('names the outputs a stack of an older version lacks', async () => {
    const outputs = stageOutputs(stageVaultPrefix);
    delete outputs.FingerprintKeyArn;
    await createStack(PROD_STACK, outputs);
    const apiKey = await registeredKey();

    const findKey = await opsOnStage(['--stage', 'prod', 'find-key'], { stdin: apiKey });
    const redrive = await opsOnStage(['--stage', 'prod', 'redrive-reset'], { stdin: 'tty' });
    await deleteStack(PROD_STACK);

    expect(findKey.exitCode).toBe(1);
    expect(findKey.stderr).toBe(
      'ops find-key: Missing FINGERPRINT_KMS_KEY_ID (stack output FingerprintKeyArn): ' +
        `deploy the current version of ${PROD_STACK}, or pass --environment-file with the ` +
        'environment of one of its functions (see docs/operations.md#the-ops-cli)\n',
    );
    expect(redrive.exitCode).toBe(1);
    expect(lastLine(redrive.stderr)).toBe(
      `ops redrive-reset: stack ${PROD_STACK} has no output CapResetDeadLetterQueueUrl: ` +
        'deploy the current version, or pass --queue-url',
    );
  });
});
