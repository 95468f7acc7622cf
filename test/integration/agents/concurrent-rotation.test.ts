import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../functions/shared/environment.js';
import { hintOf } from '../../support/anthropic-keys.js';
import type { ApiResponse } from '../../support/fixtures.js';
import type { AuditEventBody } from './helpers/agents-api.js';
import { freshByoAgent } from './helpers/byo-agent.js';
import { registeredKey } from './helpers/emulator.js';
import { useLocalAgentsApi } from './helpers/local-agents-api.js';
import { agentItem, currentVersionId, secretValue } from './helpers/moto.js';

const ROTATIONS = 10;

// One workspace validates the first key and ten more within a minute; the
// default limit (10 a minute) would refuse the last, which is not under test here.
const local = useLocalAgentsApi({ environment: { [ENV.validationsPerMinute]: '20' } });

describe(`${ROTATIONS} parallel rotations of one agent's key`, () => {
  let byo: Awaited<ReturnType<typeof freshByoAgent>>;
  let attempts: { apiKey: string; response: ApiResponse }[];
  /** The rotations answered 200, in the order their versions were committed. */
  let accepted: { apiKey: string; response: ApiResponse }[];
  let events: AuditEventBody[];

  beforeAll(async () => {
    byo = await freshByoAgent(local.agents);
    const keys = await Promise.all(Array.from({ length: ROTATIONS }, () => registeredKey()));

    attempts = await Promise.all(
      keys.map(async (apiKey) => ({
        apiKey,
        response: await local.agents.patch(byo.token, byo.agentId, { byoApiKey: apiKey }),
      })),
    );

    accepted = attempts
      .filter((attempt) => attempt.response.status === 200)
      .sort((a, b) => a.response.body.version - b.response.body.version);
    events = await local.agents.auditEvents(byo.token, byo.agentId);
  });

  it('all settle with 200 or a clean 409 concurrent_modification', () => {
    for (const { response } of attempts) {
      if (response.status === 200) continue;
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('concurrent_modification');
      expect(response.headers.get('retry-after')).not.toBeNull();
    }
    expect(accepted.length).toBeGreaterThan(0);
  });

  it('commits each accepted rotation as its own version', () => {
    const versions = accepted.map(({ response }) => response.body.version);

    expect(versions).toEqual(versions.map((_, index) => byo.agent.version + 1 + index));
  });

  it('leaves in force the key of the last acknowledged rotation', async () => {
    const last = accepted.at(-1)!;

    const agent = await local.agents.get(byo.token, byo.agentId);

    expect(agent.body).toMatchObject({
      byoKeyHint: hintOf(last.apiKey),
      version: last.response.body.version,
      byoKeySecretId: byo.agent.byoKeySecretId,
    });
  });

  it('makes the version the agent names the current one, holding that key', async () => {
    const item = await agentItem(byo.workspace.id, byo.agentId);

    const current = await currentVersionId(item?.byoKeySecretArn);

    expect(current).toBe(item?.byoKeySecretVersionId);
    expect(await secretValue(item?.byoKeySecretArn, current ?? '')).toBe(accepted.at(-1)?.apiKey);
  });

  it('audits each accepted rotation exactly once and each refused one never', () => {
    for (const { response } of attempts) {
      const requestId = response.headers.get('apigw-requestid');
      const written = events.filter(
        (event) => event.type === 'AGENT_UPDATED' && event.requestId === requestId,
      );
      expect(written).toHaveLength(response.status === 200 ? 1 : 0);
    }
  });

  it('audits the rotations as one chain of hints, each from the key before it', () => {
    const hints = [byo.apiKey, ...accepted.map(({ apiKey }) => apiKey)].map(hintOf);

    const changes = accepted.map(({ response }) => {
      const requestId = response.headers.get('apigw-requestid');
      return events.find((event) => event.requestId === requestId)?.changes;
    });

    expect(changes).toEqual(
      accepted.map((_, index) => ({ byoKey: { from: hints[index], to: hints[index + 1] } })),
    );
  });
});
