import { callOptionsFromEnv } from '../adapters/anthropic/anthropic-client.js';
import { llmClient } from '../adapters/anthropic/llm-client.js';
import { agentRepository } from '../adapters/dynamodb/agent-repository.js';
import { auditLog } from '../adapters/dynamodb/audit-log.js';
import { keyStatusWriter } from '../adapters/dynamodb/key-status-writer.js';
import { spendLedger } from '../adapters/dynamodb/spend-ledger.js';
import { tokenLookup } from '../adapters/dynamodb/token-lookup.js';
import { credentialProvider } from '../adapters/secrets/credential-provider.js';
import { authenticate } from '../auth/authenticate.js';
import type { GatewayDeps } from '../domain/gateway/call-agent.js';
import { createApiHandler } from '../http/api-handler.js';
import { agentMessagesRoute } from '../routes/gateway-routes.js';
import { systemNow } from '../shared/clock.js';
import { apiConfig } from '../shared/config.js';
import { ENV, requireEnv } from '../shared/environment.js';

const deps: GatewayDeps = {
  agents: agentRepository,
  ledger: spendLedger,
  credentials: credentialProvider(requireEnv(ENV.hostedKeySecretId)),
  llm: llmClient(callOptionsFromEnv()),
  keyStatus: keyStatusWriter,
  audit: auditLog,
  hostedModels: apiConfig().hostedModels,
  now: systemNow,
};

/**
 * Agents' LLM calls. The only function that may read a key from the vault,
 * and it reads nothing else from it.
 */
export const handler = createApiHandler(
  'gateway',
  { 'POST /api/v1/agents/{id}/messages': (request) => agentMessagesRoute(request, deps) },
  (authorization) => authenticate(authorization, tokenLookup),
);
