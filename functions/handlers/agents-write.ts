import { keyChecker } from '../adapters/anthropic/key-checker.js';
import { agentRepository } from '../adapters/dynamodb/agent-repository.js';
import { auditLog } from '../adapters/dynamodb/audit-log.js';
import { tokenLookup } from '../adapters/dynamodb/token-lookup.js';
import { validationLimiter } from '../adapters/dynamodb/validation-limiter.js';
import { keyFingerprinter } from '../adapters/kms/key-fingerprinter.js';
import { keyVault } from '../adapters/secrets/key-vault.js';
import { authenticate } from '../auth/authenticate.js';
import type { UpdateAgentDeps } from '../domain/agents/update-types.js';
import { createApiHandler } from '../http/api-handler.js';
import { createAgentRoute, updateAgentRoute } from '../routes/agent-routes.js';
import { sleep, systemNow } from '../shared/clock.js';
import { apiConfig, vaultConfig } from '../shared/config.js';

const api = apiConfig();
const vault = vaultConfig();

const updateDeps: UpdateAgentDeps = {
  agents: agentRepository,
  audit: auditLog,
  vault: keyVault({ prefix: vault.prefix, kmsKeyId: vault.kmsKeyId }),
  verification: {
    checker: keyChecker,
    limiter: validationLimiter({
      perMinute: vault.validationsPerMinute,
      failedPerHour: vault.failedValidationsPerHour,
    }),
    fingerprinter: keyFingerprinter(vault.fingerprintKeyId),
    audit: auditLog,
  },
  hostedModels: api.hostedModels,
  now: systemNow,
  sleep,
};

const createDeps = {
  agents: agentRepository,
  hostedModels: api.hostedModels,
  defaultDailySpendCapCents: api.defaultDailySpendCapCents,
  now: systemNow,
};

/**
 * Creates agents and changes their settings and keys. It may write, rotate
 * and delete customer keys but has no permission to read one.
 */
export const handler = createApiHandler(
  'agents-write',
  {
    'POST /api/v1/agents': (request) => createAgentRoute(request, createDeps),
    'PATCH /api/v1/agents/{id}': (request) => updateAgentRoute(request, updateDeps),
  },
  (authorization) => authenticate(authorization, tokenLookup),
);
