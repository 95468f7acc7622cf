import { describe, expect, it } from 'vitest';
import { hintOf } from '../../support/anthropic-keys.js';
import {
  COMMIT,
  cancelled,
  DYNAMODB_DOWN,
  expectClearFailure,
  expectNoUnreferencedSecret,
  type FaultCase,
  LOST_COMMIT_ANSWER,
  SECRETS_MANAGER_DOWN,
  THROTTLED,
  withFaults,
} from './helpers/aws-fault-cases.js';
import { freshByoAgent } from './helpers/byo-agent.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, currentVersionId, secretExists, secretValue } from './helpers/moto.js';

const local = useLocalAgentsApi();

/** Log lines the functions write from now on. */
function logsFromNow() {
  const start = local.logs.jsonLines().length;
  return () => local.logs.jsonLines().slice(start);
}

const ROTATE_FAULTS: readonly FaultCase[] = [
  {
    step: 'PutSecretValue throttled',
    faults: [{ client: 'secretsManager', command: 'PutSecretValue', error: THROTTLED }],
    status: 503,
    code: 'dependency_unavailable',
  },
  {
    step: 'PutSecretValue failing',
    faults: [{ client: 'secretsManager', command: 'PutSecretValue', error: SECRETS_MANAGER_DOWN }],
    status: 503,
    code: 'dependency_unavailable',
  },
  {
    step: 'the agent commit failing',
    faults: [{ client: 'dynamoDb', command: COMMIT, error: DYNAMODB_DOWN }],
    status: 503,
    code: 'dependency_unavailable',
  },
  {
    step: 'the agent commit cancelled by a conflict on every attempt',
    faults: [
      {
        client: 'dynamoDb',
        command: COMMIT,
        times: 3,
        error: cancelled('ConditionalCheckFailed', 'None'),
      },
    ],
    status: 409,
    code: 'concurrent_modification',
  },
];

describe('rotating a key when AWS fails', () => {
  it.each(ROTATE_FAULTS.map((fault) => [fault.step, fault] as const))(
    'answers %s with a clear code and keeps the old key current',
    async (_, { faults, status, code }) => {
      const byo = await freshByoAgent(local.agents);
      const itemBefore = await agentItem(byo.workspace.id, byo.agentId);
      const newKey = await registeredKey();

      const { response } = await withFaults(local, faults, () =>
        local.agents.patch(byo.token, byo.agentId, { byoApiKey: newKey }),
      );

      expectClearFailure(response, status, code);
      const item = await agentItem(byo.workspace.id, byo.agentId);
      expect(item).toEqual(itemBefore);
      const stored = await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId);
      expect(stored).toBe(byo.apiKey);
      expect(await currentVersionId(item?.byoKeySecretArn)).toBe(item?.byoKeySecretVersionId);
      await expectNoUnreferencedSecret(byo.workspace.id, byo.agentId);
    },
  );

  it('keeps the old key in force when the commit and the restore of AWSCURRENT both fail', async () => {
    const byo = await freshByoAgent(local.agents);
    const itemBefore = await agentItem(byo.workspace.id, byo.agentId);
    const newKey = await registeredKey();
    const logs = logsFromNow();

    const { response } = await withFaults(
      local,
      [
        { client: 'dynamoDb', command: COMMIT, error: DYNAMODB_DOWN },
        {
          client: 'secretsManager',
          command: 'UpdateSecretVersionStage',
          error: SECRETS_MANAGER_DOWN,
        },
      ],
      () => local.agents.patch(byo.token, byo.agentId, { byoApiKey: newKey }),
    );

    expectClearFailure(response, 503, 'dependency_unavailable');
    const item = await agentItem(byo.workspace.id, byo.agentId);
    expect(item).toEqual(itemBefore);
    const stored = await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId);
    expect(stored).toBe(byo.apiKey);
    expect(logs()).toContainEqual(
      expect.objectContaining({ level: 'ERROR', message: 'secret version restore failed' }),
    );
  });
});

describe('rotating a key when the commit answer is lost', () => {
  it('keeps AWSCURRENT on the version the agent names, holding the key its hint shows', async () => {
    const byo = await freshByoAgent(local.agents);
    const newKey = await registeredKey();

    const { response } = await withFaults(local, [LOST_COMMIT_ANSWER], () =>
      local.agents.patch(byo.token, byo.agentId, { byoApiKey: newKey }),
    );

    expect(response.body.error?.code).not.toBe('internal_error');
    const item = await agentItem(byo.workspace.id, byo.agentId);
    const stored = await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId);
    expect(hintOf(stored ?? '')).toBe(item?.byoKeyHint);
    expect(await currentVersionId(item?.byoKeySecretArn)).toBe(item?.byoKeySecretVersionId);
  });
});

describe('reverting to hosted when AWS fails', () => {
  it('answers a failing commit with 503 and keeps the agent on its key', async () => {
    const byo = await freshByoAgent(local.agents);
    const itemBefore = await agentItem(byo.workspace.id, byo.agentId);

    const { response } = await withFaults(
      local,
      [{ client: 'dynamoDb', command: COMMIT, error: DYNAMODB_DOWN }],
      () => local.agents.patch(byo.token, byo.agentId, { llmProvider: 'HOSTED_ANTHROPIC' }),
    );

    expectClearFailure(response, 503, 'dependency_unavailable');
    const item = await agentItem(byo.workspace.id, byo.agentId);
    expect(item).toEqual(itemBefore);
    const stored = await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId);
    expect(stored).toBe(byo.apiKey);
  });

  it('reverts despite a failing DeleteSecret and leaves the secret to the daily sweep', async () => {
    const byo = await freshByoAgent(local.agents);
    const secretArn = (await agentItem(byo.workspace.id, byo.agentId))?.byoKeySecretArn;
    const logs = logsFromNow();

    const { response } = await withFaults(
      local,
      [{ client: 'secretsManager', command: 'DeleteSecret', error: SECRETS_MANAGER_DOWN }],
      () => local.agents.patch(byo.token, byo.agentId, { llmProvider: 'HOSTED_ANTHROPIC' }),
    );

    expect(response.status).toBe(200);
    expect(response.body.llmProvider).toBe('HOSTED_ANTHROPIC');
    expect((await agentItem(byo.workspace.id, byo.agentId))?.byoKeySecretArn).toBeUndefined();
    expect(await secretExists(secretArn)).toBe(true);
    expect(logs()).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        message: 'secret delete failed; left to the daily sweep',
        agentId: byo.agentId,
      }),
    );
  });
});
