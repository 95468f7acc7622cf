import { expect } from 'vitest';
import {
  type AwsErrorShape,
  type AwsFaultOptions,
  type InjectedAwsFault,
  injectAwsFault,
} from '../../../support/faults.js';
import type { ApiResponse } from '../../../support/fixtures.js';
import type { LocalAgentsApi } from './local-agents-api.js';
import { agentItem, agentSecrets } from './moto.js';

/** A fault on one of the functions' own clients. */
export type Fault = AwsFaultOptions & { readonly client: keyof LocalAgentsApi['awsClients'] };

/** A fault case of a table: which step fails and what the caller must get. */
export interface FaultCase {
  readonly step: string;
  readonly faults: readonly Fault[];
  readonly status: number;
  readonly code: string;
}

export const COMMIT = 'TransactWriteItems';

export const THROTTLED: AwsErrorShape = { name: 'ThrottlingException', httpStatusCode: 400 };
export const SECRETS_MANAGER_DOWN: AwsErrorShape = {
  name: 'InternalServiceError',
  httpStatusCode: 500,
};
export const DYNAMODB_DOWN: AwsErrorShape = { name: 'InternalServerError', httpStatusCode: 500 };

/** A cancelled transaction, with one reason code per item. */
export const cancelled = (...codes: string[]): AwsErrorShape => ({
  name: 'TransactionCanceledException',
  httpStatusCode: 400,
  fields: { CancellationReasons: codes.map((Code) => ({ Code })) },
});

/** The agent commit reaches DynamoDB and takes effect, but the caller gets a 500 instead. */
export const LOST_COMMIT_ANSWER: Fault = {
  client: 'dynamoDb',
  command: COMMIT,
  when: 'after',
  error: DYNAMODB_DOWN,
};

/** Sends a request with faults in place on the functions' own clients, then removes them. */
export async function withFaults(
  local: LocalAgentsApi,
  faults: readonly Fault[],
  request: () => Promise<ApiResponse>,
): Promise<{ response: ApiResponse; injected: InjectedAwsFault[] }> {
  const injected = faults.map((fault) => injectAwsFault(local.awsClients[fault.client], fault));
  try {
    return { response: await request(), injected };
  } finally {
    for (const fault of injected) fault.remove();
  }
}

/** Asserts a clear answer from the envelope: the expected code, never a bare internal error. */
export function expectClearFailure(response: ApiResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body.error).toMatchObject({ code, requestId: expect.any(String) });
  expect(response.body.error.code).not.toBe('internal_error');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** Asserts that the vault holds no secret of the agent's that the agent does not name. */
export async function expectNoUnreferencedSecret(workspaceId: string, agentId: string) {
  const item = await agentItem(workspaceId, agentId);
  const arns = (await agentSecrets(workspaceId, agentId)).map((secret) => secret.ARN);
  expect(arns).toEqual(item?.byoKeySecretArn ? [item.byoKeySecretArn] : []);
}
