import { afterEach, beforeAll, expect } from 'vitest';
import { SecurityClient } from '../../../security/support/security-client.js';
import {
  type LocalAgentsApi,
  type LocalAgentsApiOptions,
  useLocalAgentsApi,
} from '../../agents/helpers/local-agents-api.js';

/** This file's local API, and a client that checks every answer against the contract. */
export interface SecurityApi {
  readonly local: LocalAgentsApi;
  /** Set once the API runs. */
  client: SecurityClient;
}

/**
 * Starts this file's local API (its log lines captured, its AWS clients at
 * hand for fault injection) and fails any test during which an answer broke
 * the OpenAPI contract.
 */
export function useSecurityApi(options: LocalAgentsApiOptions = {}): SecurityApi {
  const local = useLocalAgentsApi(options);
  const context = { local } as SecurityApi;

  beforeAll(() => {
    context.client = new SecurityClient(local.url);
  });
  afterEach(() => {
    expect(context.client.takeViolations()).toEqual([]);
  });
  return context;
}
