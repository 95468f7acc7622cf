import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../../lib/definitions/tables.js';
import { newAnthropicKey, withPrefix } from '../../support/anthropic-keys.js';
import { captureLogs } from '../../support/capture-logs.js';
import { injectAwsFault } from '../../support/faults.js';
import { type ApiResponse, api, seedTestWorkspace } from '../../support/fixtures.js';
import { byoPatch, responseText } from './helpers/agents-api.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, scanTable, secretValue } from './helpers/moto.js';

const local = useLocalAgentsApi();

/**
 * What would give a key away: the key itself, its body without the prefix,
 * any quarter of that body, and its base64 form. Only the last four
 * characters are public (they make the hint), so none of these may appear.
 */
function fragmentsOf(apiKey: string): string[] {
  const body = apiKey.replace(/^sk-ant-[a-z0-9]+-/, '');
  const quarter = Math.floor(body.length / 4);
  const quarters = [0, 1, 2, 3].map((index) => body.slice(index * quarter, (index + 1) * quarter));
  return [apiKey, body, ...quarters, Buffer.from(apiKey).toString('base64')];
}

/** The fragments of any canary found in the text. */
function leaksIn(text: string, canaries: readonly string[]): string[] {
  return canaries.flatMap(fragmentsOf).filter((fragment) => text.includes(fragment));
}

describe('the plaintext canary: set, rotate, failed rotations, revert, set again', () => {
  const responses: ApiResponse[] = [];
  const canaries: string[] = [];
  let logLines: string[];
  let logMessages: unknown[];
  let workspace: Awaited<ReturnType<typeof seedTestWorkspace>>;
  let agentId: string;
  let finalKey: string;

  beforeAll(async () => {
    workspace = await seedTestWorkspace();
    agentId = workspace.agentIds[0]!;
    const owner = workspace.tokens.OWNER;
    const first = await registeredKey();
    const second = await registeredKey();
    const refused = newAnthropicKey();
    const uncommitted = await registeredKey();
    finalKey = await registeredKey();
    const malformed = withPrefix('sk-ant-admin01-');
    const inBrokenJson = newAnthropicKey();
    canaries.push(first, second, refused, uncommitted, finalKey, malformed, inBrokenJson);
    const patch = async (body: Record<string, unknown>) => {
      responses.push(await local.agents.patch(owner, agentId, body));
    };
    const logs = captureLogs();

    try {
      await patch(byoPatch(first));
      await patch({ byoApiKey: second });
      await patch({ byoApiKey: refused });
      const commitFault = injectAwsFault(local.awsClients.dynamoDb, {
        command: 'TransactWriteItems',
        error: { name: 'InternalServerError', httpStatusCode: 500 },
      });
      await patch({ byoApiKey: uncommitted }).finally(() => commitFault.remove());
      await patch({ byoApiKey: malformed });
      responses.push(
        await api(`${local.url}/agents/${agentId}`, owner, {
          method: 'PATCH',
          body: `{"byoApiKey": "${inBrokenJson}"`,
          headers: { 'content-type': 'application/json' },
        }),
      );
      await patch({ llmProvider: 'HOSTED_ANTHROPIC' });
      await patch(byoPatch(finalKey));
      responses.push(await local.agents.get(workspace.tokens.MEMBER, agentId));
      responses.push(await local.agents.list(owner));
      responses.push(await local.agents.auditPage(owner, agentId, '?limit=100'));
    } finally {
      logs.stop();
    }
    logLines = logs.lines();
    logMessages = logs.jsonLines().map((line) => line.message);
  });

  it('runs every step of the scenario to its expected answer', () => {
    expect(responses.map((response) => response.status)).toEqual([
      200, 200, 422, 503, 400, 400, 200, 200, 200, 200, 200,
    ]);
  });

  it('captures the log lines the failures wrote', () => {
    expect(logMessages).toContain('key check refused');
    expect(logMessages).toContain('request failed');
  });

  it('finds no canary in any response body or header', () => {
    const text = responses.map(responseText).join('\n');

    expect(leaksIn(text, canaries)).toEqual([]);
  });

  it('finds no canary in any log line', () => {
    expect(leaksIn(logLines.join('\n'), canaries)).toEqual([]);
  });

  it.each(TABLES.map((table) => table.id))(
    'finds no canary in any item of the %s table',
    async (id) => {
      const table = TABLES.find((definition) => definition.id === id)!;

      const items = await scanTable(table);

      expect(leaksIn(JSON.stringify(items), canaries)).toEqual([]);
    },
  );

  it('finds no canary in any audit event', async () => {
    const events = await local.agents.auditEvents(workspace.tokens.OWNER, agentId);

    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(leaksIn(JSON.stringify(events), canaries)).toEqual([]);
  });

  it('finds the key still in force in Secrets Manager, under the version the agent names', async () => {
    const item = await agentItem(workspace.id, agentId);

    const stored = await secretValue(item?.byoKeySecretArn, item?.byoKeySecretVersionId);

    expect(stored).toBe(finalKey);
  });

  it('finds no bearer token in any log line', () => {
    const tokens = Object.values(workspace.tokens);
    const text = logLines.join('\n');

    for (const token of tokens) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.slice('mt_'.length));
    }
  });
});
