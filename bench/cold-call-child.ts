/**
 * One agent call in a fresh process, as on a new Lambda execution
 * environment: the handler module is loaded here for the first time, its
 * caches are empty. Prints `{"status", "calls", "loadMs", "invokeMs"}`.
 * The agent and token come from BENCH_COLD_AGENT_ID and BENCH_COLD_TOKEN.
 */
import { awsClients } from '../functions/adapters/aws-clients.js';
import { captureLogs } from '../test/support/capture-logs.js';
import { countAwsCalls } from './aws-call-counter.js';
import { messageBody } from './bench-workspace.js';
import { invokeRoute } from './in-process-api.js';

const agentId = process.env.BENCH_COLD_AGENT_ID ?? '';
const token = process.env.BENCH_COLD_TOKEN ?? '';
const counter = countAwsCalls({
  dynamoDb: awsClients.dynamoDb,
  secretsManager: awsClients.secretsManager,
  kms: awsClients.kms,
});

const logs = captureLogs();
const loadStartedMs = performance.now();
await import('../functions/handlers/gateway.js');
const loadMs = performance.now() - loadStartedMs;

const invokeStartedMs = performance.now();
const result = await invokeRoute({
  method: 'POST',
  path: `/api/v1/agents/${agentId}/messages`,
  token,
  body: messageBody(),
}).finally(() => logs.stop());
const invokeMs = performance.now() - invokeStartedMs;

process.stdout.write(
  `${JSON.stringify({ status: result.statusCode, calls: counter.calls(), loadMs, invokeMs })}\n`,
);
