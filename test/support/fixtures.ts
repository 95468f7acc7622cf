import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ROLES, type Role } from '../../functions/auth/principal.js';
import { AGENTS_TABLE } from '../../lib/definitions/tables.js';
import { awsClientConfig } from '../../scripts/local/aws-target.js';
import { type SeededWorkspace, seedWorkspace } from '../../scripts/local/seed.js';
import { localStack } from './local-api.js';

export interface TestWorkspaceOptions<R extends Role> {
  readonly name?: string;
  /** Defaults to every role. */
  readonly roles?: readonly R[];
  /** Defaults to one hosted agent. */
  readonly agents?: number;
}

/**
 * Seeds a fresh workspace in the shared local stack. Every call makes new ids,
 * so test files never see each other's data even though they share tables.
 */
export function seedTestWorkspace<R extends Role = Role>(
  options: TestWorkspaceOptions<R> = {},
): Promise<SeededWorkspace<R>> {
  const stack = localStack();
  const client = new DynamoDBClient(
    awsClientConfig({ endpoint: stack.awsEndpoint, region: stack.region }),
  );

  return seedWorkspace({
    name: options.name ?? 'Test workspace',
    roles: options.roles ?? (ROLES as readonly Role[] as readonly R[]),
    agents: options.agents ?? 1,
    settings: stack.settings,
    agentsTableName: stack.functionEnvironment[AGENTS_TABLE.envVar],
    client: DynamoDBDocumentClient.from(client),
  });
}

/** What `api` returns: the body parsed as JSON when the answer says it is JSON. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by expect(), not by types.
export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface ApiRequestOptions {
  readonly method?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Calls the local API with a bearer token, as a client would. */
export async function api(
  url: string,
  token?: string,
  options: ApiRequestOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = requestBody(options.body, headers);

  const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') && text !== '';
  return {
    status: response.status,
    headers: response.headers,
    body: isJson ? JSON.parse(text) : text,
  };
}

function requestBody(body: unknown, headers: Record<string, string>): RequestInit['body'] {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    return body as RequestInit['body'];
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}
