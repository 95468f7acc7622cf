import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TABLES } from '../../../lib/definitions/tables.js';
import {
  type AwsCall,
  type AwsCallRecorder,
  keyAttribute,
  recordAwsCalls,
} from '../../support/aws-calls.js';
import { byoPatch } from './helpers/agents-api.js';
import { freshAgent, freshByoAgent } from './helpers/byo-agent.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { tableName } from './helpers/moto.js';

const local = useLocalAgentsApi();

const tableId = (name: unknown) => TABLES.find((table) => tableName(table) === name)?.id ?? '?';

/** `AGENT#agt_…` → `AGENT`, `KEYCHECK#MIN#<time>` → `KEYCHECK#MIN`: which kind of item. */
const itemKind = (sortKey: string | undefined) => sortKey?.replace(/#[^#]*$/, '') ?? '?';

/** A call as one line: service, operation and, for DynamoDB, which table and item kind. */
function label(call: AwsCall): string {
  const name = `${call.service}.${call.operation}`;
  if (call.operation === 'TransactWriteItems') {
    const items = call.input.TransactItems as Record<string, { TableName?: string }>[];
    const tables = items.map((item) => tableId(Object.values(item)[0]?.TableName));
    return `${name} ${tables.join('+')}`;
  }
  if (call.service !== 'DynamoDB') return name;
  return `${name} ${tableId(call.input.TableName)} ${itemKind(keyAttribute(call.input, 'sk'))}`;
}

describe('AWS calls per operation', () => {
  let recorder: AwsCallRecorder;

  beforeAll(() => {
    recorder = recordAwsCalls({
      DynamoDB: local.awsClients.dynamoDb,
      SecretsManager: local.awsClients.secretsManager,
      KMS: local.awsClients.kms,
    });
  });
  afterAll(() => recorder.stop());
  beforeEach(() => recorder.clear());

  it('sets a first key with eight calls', async () => {
    const { tokens, agentId } = await freshAgent();
    const apiKey = await registeredKey();
    recorder.clear();

    const response = await local.agents.patch(tokens.OWNER, agentId, byoPatch(apiKey));

    expect(response.status).toBe(200);
    expect(recorder.calls().map(label)).toEqual([
      'DynamoDB.GetItem Agents TOKEN',
      'DynamoDB.GetItem Agents AGENT',
      'DynamoDB.GetItem Counters KEYCHECK#FAIL',
      'DynamoDB.UpdateItem Counters KEYCHECK#MIN',
      'KMS.GenerateMac',
      'DynamoDB.UpdateItem Agents AGENT',
      'SecretsManager.CreateSecret',
      'DynamoDB.TransactWriteItems Agents+Audit',
    ]);
  });

  it('reads an agent with two GetItems: the token and the agent', async () => {
    const { tokens, agentId } = await freshAgent();
    recorder.clear();

    const response = await local.agents.get(tokens.OWNER, agentId);

    expect(response.status).toBe(200);
    expect(recorder.calls().map(label)).toEqual([
      'DynamoDB.GetItem Agents TOKEN',
      'DynamoDB.GetItem Agents AGENT',
    ]);
  });

  it('rotates a key with one new secret version and one commit', async () => {
    const byo = await freshByoAgent(local.agents);
    const newKey = await registeredKey();
    recorder.clear();

    const response = await local.agents.patch(byo.token, byo.agentId, { byoApiKey: newKey });

    expect(response.status).toBe(200);
    expect(recorder.calls().map(label)).toEqual([
      'DynamoDB.GetItem Agents TOKEN',
      'DynamoDB.GetItem Agents AGENT',
      'DynamoDB.GetItem Counters KEYCHECK#FAIL',
      'DynamoDB.UpdateItem Counters KEYCHECK#MIN',
      'KMS.GenerateMac',
      'DynamoDB.UpdateItem Agents AGENT',
      'SecretsManager.PutSecretValue',
      'DynamoDB.TransactWriteItems Agents+Audit',
    ]);
  });

  it('reverts to hosted with one commit and one DeleteSecret', async () => {
    const byo = await freshByoAgent(local.agents);
    recorder.clear();

    const response = await local.agents.patch(byo.token, byo.agentId, {
      llmProvider: 'HOSTED_ANTHROPIC',
    });

    expect(response.status).toBe(200);
    expect(recorder.calls().map(label)).toEqual([
      'DynamoDB.GetItem Agents TOKEN',
      'DynamoDB.GetItem Agents AGENT',
      'DynamoDB.UpdateItem Agents AGENT',
      'DynamoDB.TransactWriteItems Agents+Audit',
      'SecretsManager.DeleteSecret',
    ]);
  });
});
