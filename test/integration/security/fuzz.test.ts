import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_DAILY_SPEND_CAP_CENTS } from '../../../functions/domain/agents/agent.js';
import { ROUTES } from '../../../functions/http/routes.js';
import { ENV } from '../../../functions/shared/environment.js';
import { FUZZ_SHORT_FORM } from '../../security/fuzz-profile.js';
import { FUZZ_SHORT_RESULTS, saveResults } from '../../security/support/results.js';
import { type FuzzFigures, runSchemathesis } from '../../security/support/schemathesis.js';
import { seedTestWorkspace } from '../../support/fixtures.js';
import { useSecurityApi } from './support/security-api.js';

// Validations are rate-limited per workspace; the fuzzer is not what that limit is for.
const api = useSecurityApi({
  environment: {
    [ENV.validationsPerMinute]: '1000000',
    [ENV.failedValidationsPerHour]: '1000000',
  },
});

describe('schemathesis against the served contract, short form', () => {
  let figures: FuzzFigures;

  beforeAll(async () => {
    const workspace = await seedTestWorkspace({ agents: 2 });
    for (const agentId of workspace.agentIds) {
      await api.client.send(`/agents/${agentId}`, {
        method: 'PATCH',
        token: workspace.tokens.OWNER,
        body: { dailySpendCapCents: MAX_DAILY_SPEND_CAP_CENTS },
      });
    }

    figures = await runSchemathesis({
      apiUrl: api.local.url,
      token: workspace.tokens.OWNER,
      agentIds: workspace.agentIds,
      maxExamples: FUZZ_SHORT_FORM.maxExamples,
      phases: FUZZ_SHORT_FORM.phases,
      seed: FUZZ_SHORT_FORM.seed,
    });
    await saveResults(FUZZ_SHORT_RESULTS, { ...figures, output: undefined });
  }, 120_000);

  it('sends about 200 requests to every operation', () => {
    expect(figures.requests).toBeGreaterThanOrEqual(FUZZ_SHORT_FORM.minRequests);
    expect(figures.operations).toBeGreaterThanOrEqual(ROUTES.length);
  });

  it('meets no server error and no contract violation', () => {
    const serverErrors = Object.keys(figures.statuses).filter((status) => status.startsWith('5'));

    expect(figures.failures, figures.output.slice(-6000)).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(figures.checksFailed).toBe(0);
    expect(figures.errors).toBe(0);
    expect(figures.exitCode).toBe(0);
  });
});
