import { describe, expect, it } from 'vitest';
import { hintOf } from '../../support/anthropic-keys.js';
import { byoPatch } from './helpers/agents-api.js';
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
import { freshAgent } from './helpers/byo-agent.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, agentSecrets, secretExists, secretValue } from './helpers/moto.js';

const local = useLocalAgentsApi();

const unavailable = { status: 503, code: 'dependency_unavailable' } as const;

const SET_FAULTS: readonly FaultCase[] = [
  {
    step: 'KMS GenerateMac throttled',
    faults: [{ client: 'kms', command: 'GenerateMac', error: THROTTLED }],
    ...unavailable,
  },
  {
    step: 'KMS GenerateMac denied',
    faults: [
      {
        client: 'kms',
        command: 'GenerateMac',
        error: { name: 'AccessDeniedException', httpStatusCode: 400 },
      },
    ],
    ...unavailable,
  },
  {
    step: 'CreateSecret failing',
    faults: [{ client: 'secretsManager', command: 'CreateSecret', error: SECRETS_MANAGER_DOWN }],
    ...unavailable,
  },
  {
    step: 'CreateSecret throttled',
    faults: [{ client: 'secretsManager', command: 'CreateSecret', error: THROTTLED }],
    ...unavailable,
  },
  {
    step: 'the agent commit failing',
    faults: [{ client: 'dynamoDb', command: COMMIT, error: DYNAMODB_DOWN }],
    ...unavailable,
  },
  {
    step: 'the agent commit cancelled for throttling',
    faults: [{ client: 'dynamoDb', command: COMMIT, error: cancelled('ThrottlingError', 'None') }],
    ...unavailable,
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

describe('setting a first key when AWS fails', () => {
  it.each(SET_FAULTS.map((fault) => [fault.step, fault] as const))(
    'answers %s with a clear code and leaves the agent hosted with no secret',
    async (_, { faults, status, code }) => {
      const { workspace, tokens, agentId } = await freshAgent();
      const itemBefore = await agentItem(workspace.id, agentId);
      const apiKey = await registeredKey();

      const { response, injected } = await withFaults(local, faults, () =>
        local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey)),
      );

      expect(injected.map((fault) => fault.thrown)).toEqual(faults.map((f) => f.times ?? 1));
      expectClearFailure(response, status, code);
      expect(await agentItem(workspace.id, agentId)).toEqual(itemBefore);
      expect(await agentSecrets(workspace.id, agentId)).toEqual([]);
    },
  );

  it('retries a commit cancelled once by a conflicting transaction and succeeds', async () => {
    const { workspace, tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();
    const conflict = cancelled('ConditionalCheckFailed', 'None');

    const { response } = await withFaults(
      local,
      [{ client: 'dynamoDb', command: COMMIT, error: conflict }],
      () => local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey)),
    );

    expect(response.status).toBe(200);
    const item = await agentItem(workspace.id, agentId);
    expect(await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId)).toBe(apiKey);
    await expectNoUnreferencedSecret(workspace.id, agentId);
  });
});

describe('setting a first key when the commit answer is lost', () => {
  it('never leaves the agent naming a deleted secret', async () => {
    const { workspace, tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();

    const { response } = await withFaults(local, [LOST_COMMIT_ANSWER], () =>
      local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey)),
    );

    expect(response.body.error?.code).not.toBe('internal_error');
    const item = await agentItem(workspace.id, agentId);
    if (item?.byoKeySecretArn) {
      expect(await secretExists(item.byoKeySecretArn)).toBe(true);
      expect(await secretValue(item.byoKeySecretArn, item.byoKeySecretVersionId)).toBe(apiKey);
    }
    await expectNoUnreferencedSecret(workspace.id, agentId);
  });

  it('lets the client retry the same key', async () => {
    const { tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();
    await withFaults(local, [LOST_COMMIT_ANSWER], () =>
      local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey)),
    );

    const retry = await local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey));

    expect(retry.status).toBe(200);
    expect(retry.body.byoKeyHint).toBe(hintOf(apiKey));
  });
});
