import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awsClients } from '../../../functions/adapters/aws-clients.js';
import { type AwsCallRecorder, keyAttribute, recordAwsCalls } from '../../support/aws-calls.js';
import {
  agentItem,
  type GatewayHarness,
  messageBody,
  newMarker,
  registeredKey,
  sendMessage,
  startGatewayHarness,
  useByoKey,
} from '../../support/gateway-fixtures.js';

/** What a warm call must cost in AWS requests: two reads, the reservation and the settlement. */
const WARM_CALL_DYNAMODB = [
  { operation: 'GetItem', pk: 'TOKEN#', sk: 'TOKEN' },
  { operation: 'GetItem', pk: 'WS#', sk: 'AGENT#' },
  { operation: 'UpdateItem', pk: 'AGENT#', sk: 'DAY#' },
  { operation: 'TransactWriteItems', pk: undefined, sk: undefined },
];

describe('AWS calls per gateway call', () => {
  let harness: GatewayHarness;
  let hostedAgentId: string;
  let byoAgentId: string;
  let recorder: AwsCallRecorder;

  const call = async (agentId: string) => {
    const response = await sendMessage(
      harness.url,
      harness.workspace.tokens.MEMBER,
      agentId,
      messageBody(newMarker()),
    );
    expect(response.status).toBe(200);
  };
  const recorded = (service: string) =>
    recorder.calls().filter((awsCall) => awsCall.service === service);
  /** The DynamoDB calls as operation and key prefixes, in the order they were sent. */
  const dynamoDbCalls = () =>
    recorded('dynamoDb').map(({ operation, input }) => ({
      operation,
      pk: keyAttribute(input, 'pk')?.replace(/#.*/, '#'),
      sk: keyAttribute(input, 'sk')?.replace(/#.*/, '#'),
    }));

  beforeAll(async () => {
    harness = await startGatewayHarness(2);
    [hostedAgentId, byoAgentId] = harness.workspace.agentIds as [string, string];
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, byoAgentId, await registeredKey());
    recorder = recordAwsCalls({
      dynamoDb: awsClients.dynamoDb,
      secretsManager: awsClients.secretsManager,
    });
  });
  beforeEach(() => recorder.clear());
  afterAll(async () => {
    recorder.stop();
    await harness.stop();
  });

  it.each([
    ['hosted', () => hostedAgentId],
    ['BYO', () => byoAgentId],
  ])(
    'makes two DynamoDB reads, two writes and no Secrets Manager call on a warm %s call',
    async (_, agentId) => {
      await call(agentId());
      recorder.clear();

      await call(agentId());

      expect(recorded('secretsManager')).toEqual([]);
      expect(dynamoDbCalls()).toEqual(WARM_CALL_DYNAMODB);
    },
  );

  it('reads the rotated key once on the next call, then never again', async () => {
    await call(byoAgentId);
    const newKey = await registeredKey();
    await useByoKey(harness.url, harness.workspace.tokens.OWNER, byoAgentId, newKey);
    recorder.clear();

    await call(byoAgentId);
    const afterRotation = recorded('secretsManager').map((awsCall) => awsCall.operation);
    const readsAfterRotation = dynamoDbCalls();
    recorder.clear();
    await call(byoAgentId);

    expect(afterRotation).toEqual(['GetSecretValue']);
    expect(readsAfterRotation).toEqual(WARM_CALL_DYNAMODB);
    expect(recorded('secretsManager')).toEqual([]);
    expect(dynamoDbCalls()).toEqual(WARM_CALL_DYNAMODB);
  });

  it('reads the exact version the rotation named', async () => {
    const newKey = await registeredKey();
    const saved = await useByoKey(harness.url, harness.workspace.tokens.OWNER, byoAgentId, newKey);
    recorder.clear();

    await call(byoAgentId);

    const stored = await agentItem(harness.workspace.id, byoAgentId);
    expect(recorded('secretsManager').map((awsCall) => awsCall.input)).toEqual([
      {
        SecretId: expect.stringContaining(saved.body.byoKeySecretId),
        VersionId: stored?.byoKeySecretVersionId,
      },
    ]);
    expect(stored?.byoKeySecretVersionId).toEqual(expect.any(String));
  });
});
