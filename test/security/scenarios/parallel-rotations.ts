import type { Exchange, SecurityClient } from '../support/security-client.js';

/** One rotation sent, and what the API answered. */
export interface RotationAttempt {
  readonly apiKey: string;
  readonly response: Exchange;
}

export interface RotationRun {
  readonly startVersion: number;
  readonly startKey: string;
  readonly attempts: readonly RotationAttempt[];
  /** The 200s, in the order of the versions they committed. */
  readonly accepted: readonly RotationAttempt[];
  // biome-ignore lint/suspicious/noExplicitAny: the agent as the API shows it.
  readonly finalAgent: any;
  readonly events: readonly AuditEvent[];
}

interface AuditEvent {
  readonly type: string;
  readonly requestId?: string;
  readonly changes?: Record<string, { from: unknown; to: unknown }>;
}

const hintOf = (apiKey: string) => `sk-ant-****${apiKey.slice(-4)}`;

/** Every audit event of the agent, newest first, following the cursors (bounded). */
export async function allAuditEvents(client: SecurityClient, token: string, agentId: string) {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const query = `?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client.send(`/agents/${agentId}/audit-events${query}`, { token });
    if (response.status !== 200) throw new Error(`audit page answered ${response.status}`);
    events.push(...response.body.events);
    cursor = response.body.nextCursor;
    if (!cursor) return events;
  }
  throw new Error('more than 100 pages of audit events');
}

/**
 * Sends one PATCH per key at once, all rotating the same BYO agent's key,
 * then reads back the agent and its audit trail.
 */
export async function runParallelRotations(
  client: SecurityClient,
  options: { token: string; agentId: string; startKey: string; keys: readonly string[] },
): Promise<RotationRun> {
  const { token, agentId } = options;
  const start = await client.send(`/agents/${agentId}`, { token });

  const attempts = await Promise.all(
    options.keys.map(async (apiKey) => ({
      apiKey,
      response: await client.send(`/agents/${agentId}`, {
        method: 'PATCH',
        token,
        body: { byoApiKey: apiKey },
      }),
    })),
  );

  const accepted = attempts
    .filter((attempt) => attempt.response.status === 200)
    .sort((a, b) => a.response.body.version - b.response.body.version);
  const finalAgent = (await client.send(`/agents/${agentId}`, { token })).body;
  const events = await allAuditEvents(client, token, agentId);
  return {
    startVersion: start.body.version,
    startKey: options.startKey,
    attempts,
    accepted,
    finalAgent,
    events,
  };
}

/**
 * What must hold after any number of parallel rotations: each answered 200 or
 * a clean 409; the accepted ones committed consecutive versions; the last one
 * is in force; each is audited exactly once, as a chain of hints; the refused
 * ones left no trace. Returns what broke, empty when all holds.
 */
export function rotationViolations(run: RotationRun): string[] {
  const problems: string[] = [];
  for (const { response } of run.attempts) {
    const code = response.body?.error?.code;
    if (
      response.status !== 200 &&
      !(response.status === 409 && code === 'concurrent_modification')
    ) {
      problems.push(`a rotation answered ${response.status} ${code}`);
    }
  }
  if (run.accepted.length === 0) problems.push('no rotation was accepted');

  const versions = run.accepted.map(({ response }) => response.body.version);
  const expected = versions.map((_, index) => run.startVersion + 1 + index);
  if (versions.join() !== expected.join()) problems.push(`versions ${versions} not ${expected}`);

  const last = run.accepted.at(-1);
  if (last && run.finalAgent.byoKeyHint !== hintOf(last.apiKey)) {
    problems.push('the key in force is not the last acknowledged one');
  }
  if (last && run.finalAgent.version !== last.response.body.version) {
    problems.push('the agent version is not the last acknowledged one');
  }

  const hints = [run.startKey, ...run.accepted.map(({ apiKey }) => apiKey)].map(hintOf);
  for (const { response } of run.attempts) {
    const requestId = response.headers['apigw-requestid'];
    const audited = run.events.filter(
      (event) => event.type === 'AGENT_UPDATED' && event.requestId === requestId,
    );
    const wanted = response.status === 200 ? 1 : 0;
    if (audited.length !== wanted) {
      problems.push(`request ${requestId} audited ${audited.length} times, not ${wanted}`);
    }
    if (response.status !== 200) continue;
    const index = run.accepted.findIndex((attempt) => attempt.response === response);
    const change = audited[0]?.changes?.byoKey;
    if (change?.from !== hints[index] || change?.to !== hints[index + 1]) {
      problems.push(`request ${requestId} audited ${JSON.stringify(change)} out of order`);
    }
  }
  return problems;
}
