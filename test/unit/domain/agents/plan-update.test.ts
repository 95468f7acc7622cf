import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Agent, LLM_PROVIDER } from '../../../../functions/domain/agents/agent.js';
import {
  type AgentPatch,
  patchNeedsManager,
  planUpdate,
} from '../../../../functions/domain/agents/plan-update.js';
import { ServiceError } from '../../../../functions/shared/errors.js';
import { newFakeKey } from '../../shared/fake-keys.js';
import { serviceErrorFrom } from '../../shared/refusal.js';
import { byoAgent, HOSTED_MODELS, hostedAgent, keyReference } from './agent-fixtures.js';

const SETTINGS = [
  'name',
  'llmProvider',
  'llmModel',
  'dailySpendCapCents',
  'promptCacheTtl',
] as const;

const refusalOf = (agent: Agent, patch: AgentPatch) =>
  serviceErrorFrom(() => planUpdate(agent, patch, HOSTED_MODELS));

describe('planUpdate on a hosted agent', () => {
  it('renames without touching the key', () => {
    const agent = hostedAgent();

    const plan = planUpdate(agent, { name: 'Renamed' }, HOSTED_MODELS);

    expect(plan.settings).toEqual({
      name: 'Renamed',
      llmProvider: LLM_PROVIDER.hosted,
      llmModel: 'claude-sonnet-4-5',
      dailySpendCapCents: 1000,
      promptCacheTtl: '5m',
    });
    expect(plan.keyAction).toBe('none');
  });

  it('accepts a cap of zero cents', () => {
    const plan = planUpdate(hostedAgent(), { dailySpendCapCents: 0 }, HOSTED_MODELS);

    expect(plan.settings.dailySpendCapCents).toBe(0);
  });

  it('refuses a key sent while staying hosted with a 400 on byoApiKey', () => {
    const error = refusalOf(hostedAgent(), { byoApiKey: newFakeKey() });

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual({
      fields: [{ field: 'byoApiKey', problem: expect.stringContaining('BYO_ANTHROPIC') }],
    });
  });

  it('refuses a key sent together with the hosted provider', () => {
    const error = refusalOf(byoAgent(), {
      llmProvider: LLM_PROVIDER.hosted,
      llmModel: 'claude-haiku-4-5',
      byoApiKey: newFakeKey(),
    });

    expect(error.statusCode).toBe(400);
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'byoApiKey' })]);
  });

  it('never quotes the refused key in the error', () => {
    const key = newFakeKey();

    const error = refusalOf(hostedAgent(), { byoApiKey: key });

    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(key);
  });

  it('refuses a model outside the allow-list with model_not_allowed and the allowed models', () => {
    const error = refusalOf(hostedAgent(), { llmModel: 'claude-opus-4-1' });

    expect(error.code).toBe('model_not_allowed');
    expect(error.statusCode).toBe(400);
    expect(error.details).toEqual({
      model: 'claude-opus-4-1',
      allowedModels: [...HOSTED_MODELS],
    });
  });

  it('refuses a rename of an agent whose model left the allow-list instead of moving it', () => {
    const agent = hostedAgent({ llmModel: 'claude-retired-1' });

    const error = refusalOf(agent, { name: 'Renamed' });

    expect(error.code).toBe('model_not_allowed');
    expect(error.details?.model).toBe('claude-retired-1');
  });

  it('switches to BYO with a new key as a key set', () => {
    const plan = planUpdate(
      hostedAgent(),
      { llmProvider: LLM_PROVIDER.byo, byoApiKey: newFakeKey(), llmModel: 'claude-opus-4-1' },
      HOSTED_MODELS,
    );

    expect(plan.keyAction).toBe('set');
    expect(plan.settings.llmProvider).toBe(LLM_PROVIDER.byo);
    expect(plan.settings.llmModel).toBe('claude-opus-4-1');
  });

  it('refuses a switch to BYO without a key on record or in the patch', () => {
    const error = refusalOf(hostedAgent(), { llmProvider: LLM_PROVIDER.byo });

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual({
      fields: [{ field: 'byoApiKey', problem: expect.stringContaining('required') }],
    });
  });

  it('returns to BYO on the key still on record without a key action', () => {
    const agent = hostedAgent({ byoKey: keyReference('1') });

    const plan = planUpdate(agent, { llmProvider: LLM_PROVIDER.byo }, HOSTED_MODELS);

    expect(plan.keyAction).toBe('none');
    expect(plan.settings.llmProvider).toBe(LLM_PROVIDER.byo);
  });
});

describe('planUpdate on a BYO agent', () => {
  it('changes its model to one outside the hosted allow-list', () => {
    const plan = planUpdate(byoAgent(), { llmModel: 'claude-opus-4-5' }, HOSTED_MODELS);

    expect(plan.settings.llmModel).toBe('claude-opus-4-5');
    expect(plan.keyAction).toBe('none');
  });

  it('rotates the key when a new one is sent', () => {
    const plan = planUpdate(byoAgent(), { byoApiKey: newFakeKey() }, HOSTED_MODELS);

    expect(plan.keyAction).toBe('rotate');
  });

  it('reverts the key when switching to hosted on an allowed model', () => {
    const plan = planUpdate(
      byoAgent(),
      { llmProvider: LLM_PROVIDER.hosted, llmModel: 'claude-haiku-4-5' },
      HOSTED_MODELS,
    );

    expect(plan.keyAction).toBe('revert');
    expect(plan.settings).toMatchObject({
      llmProvider: LLM_PROVIDER.hosted,
      llmModel: 'claude-haiku-4-5',
    });
  });

  it('refuses a switch to hosted that keeps a model outside the allow-list', () => {
    const error = refusalOf(byoAgent(), { llmProvider: LLM_PROVIDER.hosted });

    expect(error.code).toBe('model_not_allowed');
    expect(error.details).toEqual({
      model: 'claude-opus-4-1',
      allowedModels: [...HOSTED_MODELS],
    });
  });
});

describe('patchNeedsManager', () => {
  it('is false for an empty patch and a rename', () => {
    const needs = [patchNeedsManager({}), patchNeedsManager({ name: 'Renamed' })];

    expect(needs).toEqual([false, false]);
  });

  it.each([
    { llmProvider: LLM_PROVIDER.byo },
    { llmModel: 'claude-haiku-4-5' },
    { byoApiKey: 'any' },
    { dailySpendCapCents: 5 },
    { promptCacheTtl: '1h' as const },
    { name: 'Renamed', dailySpendCapCents: 5 },
  ])('is true for %o', (patch) => {
    const needs = patchNeedsManager(patch);

    expect(needs).toBe(true);
  });
});

const modelArbitrary = fc.constantFrom(...HOSTED_MODELS, 'claude-opus-4-1', 'claude-opus-4-5');

const agentArbitrary: fc.Arbitrary<Agent> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    llmProvider: fc.constantFrom(LLM_PROVIDER.hosted, LLM_PROVIDER.byo),
    llmModel: modelArbitrary,
    dailySpendCapCents: fc.nat({ max: 10_000_000 }),
    promptCacheTtl: fc.constantFrom('5m' as const, '1h' as const),
    hasKey: fc.boolean(),
  })
  .map(({ hasKey, ...settings }) =>
    hostedAgent({ ...settings, ...(hasKey ? { byoKey: keyReference('1') } : {}) }),
  );

const patchArbitrary: fc.Arbitrary<AgentPatch> = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }),
    llmProvider: fc.constantFrom(LLM_PROVIDER.hosted, LLM_PROVIDER.byo),
    llmModel: modelArbitrary,
    byoApiKey: fc.constant('key-placeholder'),
    dailySpendCapCents: fc.nat({ max: 10_000_000 }),
    promptCacheTtl: fc.constantFrom('5m' as const, '1h' as const),
  },
  { requiredKeys: [] },
);

describe('planUpdate properties', () => {
  it('never changes a setting the patch does not name, and sets those it names', () => {
    const allModels = [...HOSTED_MODELS, 'claude-opus-4-1', 'claude-opus-4-5'];

    fc.assert(
      fc.property(agentArbitrary, patchArbitrary, (agent, patch) => {
        let plan: ReturnType<typeof planUpdate>;
        try {
          plan = planUpdate(agent, patch, allModels);
        } catch (error) {
          expect(error).toBeInstanceOf(ServiceError);
          return;
        }

        for (const setting of SETTINGS) {
          const expected = setting in patch ? patch[setting] : agent[setting];
          expect(plan.settings[setting]).toBe(expected);
        }
      }),
    );
  });

  it('chooses the key action from the target provider, the key sent and the key on record', () => {
    fc.assert(
      fc.property(agentArbitrary, patchArbitrary, (agent, patch) => {
        const toHosted = (patch.llmProvider ?? agent.llmProvider) === LLM_PROVIDER.hosted;
        const keySent = patch.byoApiKey !== undefined;
        const keyOnRecord = agent.byoKey !== undefined;
        const allowed = HOSTED_MODELS.includes(
          (patch.llmModel ?? agent.llmModel) as (typeof HOSTED_MODELS)[number],
        );

        const attempt = () => planUpdate(agent, patch, HOSTED_MODELS);

        if (toHosted && keySent) expect(attempt).toThrow(/byoApiKey/);
        else if (toHosted && !allowed) expect(attempt).toThrow(/Hosted agents may use/);
        else if (toHosted) expect(attempt().keyAction).toBe(keyOnRecord ? 'revert' : 'none');
        else if (keySent) expect(attempt().keyAction).toBe(keyOnRecord ? 'rotate' : 'set');
        else if (keyOnRecord) expect(attempt().keyAction).toBe('none');
        else expect(attempt).toThrow(/byoApiKey: is required/);
      }),
    );
  });
});
