import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashApiToken } from '../../functions/auth/api-token.js';
import { ENV } from '../../functions/shared/environment.js';
import { FINGERPRINT_KEY, VAULT_KEY } from '../../lib/definitions/kms-keys.js';
import { AGENTS_TABLE, TABLES } from '../../lib/definitions/tables.js';
import { MAX_PAYLOAD_BYTES } from '../../scripts/local/api-server.js';
import { awsClientConfig } from '../../scripts/local/aws-target.js';
import { msUntilNextMidnightUtc } from '../../scripts/local/daily-schedule.js';
import type { LambdaHandler } from '../../scripts/local/handler-modules.js';
import { api, seedTestWorkspace } from '../support/fixtures.js';
import { type LocalApi, localStack, startLocalApi } from '../support/local-api.js';

/** Every invocation the local API makes of the wrapped handlers, with what they answered. */
const invocations = vi.hoisted(() => ({
  calls: [] as { functionId: string; event: APIGatewayProxyEventV2; result: unknown }[],
  throwFrom: undefined as string | undefined,
}));

/** Wraps a real handler module so a test sees what reached it, whatever it answers. */
async function recorded(functionId: string, original: { handler: unknown }) {
  const handler = original.handler as LambdaHandler;
  return {
    handler: async (event: APIGatewayProxyEventV2, context: never) => {
      if (invocations.throwFrom === functionId)
        throw new Error('boom sk-ant-api03-secretvalue1234');
      const result = await handler(event, context);
      invocations.calls.push({ functionId, event, result });
      return result;
    },
  };
}

vi.mock('../../functions/handlers/fallback.js', async (load) => recorded('fallback', await load()));
vi.mock('../../functions/handlers/agents-read.js', async (load) =>
  recorded('agents-read', await load()),
);

describe('local API', () => {
  let localApi: LocalApi;

  beforeAll(async () => {
    localApi = await startLocalApi();
  });
  afterAll(() => localApi.stop());
  beforeEach(() => {
    invocations.calls.length = 0;
    invocations.throwFrom = undefined;
  });

  it('answers a path no route has with the fallback function', async () => {
    const response = await api(`${localApi.url}/no-such-route`);

    expect(invocations.calls.map((call) => call.functionId)).toEqual(['fallback']);
    const call = invocations.calls[0]!;
    expect(call.event).toMatchObject({ routeKey: '$default', rawPath: '/api/v1/no-such-route' });
    expect(response.status).toBe((call.result as { statusCode: number }).statusCode);
  });

  it('gives a route function a payload format 2.0 event', async () => {
    const url = `${localApi.url}/agents/agt_1?limit=2&limit=3`;
    const response = await api(url, 'mt_token', {
      headers: { 'X-Trace': 'a', cookie: 'a=1; b=2' },
    });

    const event = invocations.calls[0]?.event;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /api/v1/agents/{id}',
      rawPath: '/api/v1/agents/agt_1',
      rawQueryString: 'limit=2&limit=3',
      queryStringParameters: { limit: '2,3' },
      pathParameters: { id: 'agt_1' },
      cookies: ['a=1', 'b=2'],
      headers: { authorization: 'Bearer mt_token', 'x-trace': 'a' },
      requestContext: { http: { method: 'GET', path: '/api/v1/agents/agt_1' }, stage: '$default' },
      isBase64Encoded: false,
    });
    expect(response.headers.get('apigw-requestid')).toBe(event?.requestContext.requestId);
  });

  it('refuses a body over 10 MiB with 413 and the error envelope', async () => {
    const body = new Uint8Array(MAX_PAYLOAD_BYTES + 1);

    const response = await api(`${localApi.url}/agents`, undefined, { method: 'POST', body });

    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      code: 'payload_too_large',
      requestId: expect.any(String),
    });
    expect(invocations.calls).toHaveLength(0);
  });

  it('answers a throwing handler with a bare 500 that reveals nothing', async () => {
    invocations.throwFrom = 'agents-read';

    const response = await api(`${localApi.url}/agents`);

    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { code: 'internal_error', message: 'Internal error', requestId: expect.any(String) },
    });
  });
});

describe('provisioned resources', () => {
  const stack = localStack();
  const config = awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region });
  const env = stack.functionEnvironment;

  it.each(TABLES)('creates the $id table with its indexes and TTL', async (table) => {
    const dynamodb = new DynamoDBClient(config);
    const TableName = env[table.envVar];

    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName }));
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName }));

    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const indexNames = (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName);
    expect(indexNames.sort()).toEqual(table.indexes.map((index) => index.indexName).sort());
    const ttlAttribute = ttl.TimeToLiveDescription?.AttributeName;
    expect(ttlAttribute).toBe(table.timeToLiveAttribute);
  });

  it('creates the vault and fingerprint keys as defined', async () => {
    const kms = new KMSClient(config);

    const vault = await kms.send(new DescribeKeyCommand({ KeyId: env[ENV.vaultKmsKeyId] }));
    const fingerprint = await kms.send(
      new DescribeKeyCommand({ KeyId: env[ENV.fingerprintKeyId] }),
    );
    const rotation = await kms.send(
      new GetKeyRotationStatusCommand({ KeyId: env[ENV.vaultKmsKeyId] }),
    );

    expect(vault.KeyMetadata).toMatchObject({
      KeySpec: VAULT_KEY.keySpec,
      KeyUsage: VAULT_KEY.keyUsage,
    });
    expect(fingerprint.KeyMetadata).toMatchObject({
      KeySpec: FINGERPRINT_KEY.keySpec,
      KeyUsage: FINGERPRINT_KEY.keyUsage,
    });
    expect(rotation.KeyRotationEnabled).toBe(true);
  });

  it('stores the hosted key in a secret encrypted with the vault key', async () => {
    const secrets = new SecretsManagerClient(config);
    const SecretId = env[ENV.hostedKeySecretId];

    const value = await secrets.send(new GetSecretValueCommand({ SecretId }));
    const description = await secrets.send(new DescribeSecretCommand({ SecretId }));

    expect(value.SecretString).toBe(stack.hostedApiKey);
    expect(env[ENV.vaultKmsKeyId]).toContain(description.KmsKeyId);
  });
});

describe('seeding', () => {
  it('writes a token whose hash item resolves to its role', async () => {
    const stack = localStack();
    const config = awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient(config));

    const workspace = await seedTestWorkspace({ roles: ['VIEWER'] });
    const key = { pk: `TOKEN#${hashApiToken(workspace.tokens.VIEWER)}`, sk: 'TOKEN' };
    const TableName = stack.functionEnvironment[AGENTS_TABLE.envVar];
    const { Item } = await documents.send(new GetCommand({ TableName, Key: key }));

    expect(Item).toMatchObject({
      workspaceId: workspace.id,
      userId: workspace.userIds.VIEWER,
      role: 'VIEWER',
    });
  });
});

describe('cap-reset schedule', () => {
  it('arms for the next midnight UTC, never twice for one night', () => {
    const evening = Date.parse('2026-03-01T23:00:00Z');
    // A timer that fired a moment early has already run that night's reset.
    const justBefore = Date.parse('2026-03-01T23:59:59.900Z');

    const fromEvening = msUntilNextMidnightUtc(evening);
    const fromJustBefore = msUntilNextMidnightUtc(justBefore);

    expect(new Date(evening + fromEvening).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(justBefore + fromJustBefore).toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });
});
