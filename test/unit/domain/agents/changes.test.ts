import { describe, expect, it } from 'vitest';
import { LLM_PROVIDER } from '../../../../functions/domain/agents/agent.js';
import { agentChanges } from '../../../../functions/domain/agents/changes.js';
import { byoAgent, hostedAgent, keyReference } from './agent-fixtures.js';

describe('agentChanges', () => {
  it('is empty when nothing tracked changed', () => {
    const before = hostedAgent();
    const after = hostedAgent({ version: 4, updatedAt: '2026-02-01T00:00:00.000Z' });

    const changes = agentChanges(before, after);

    expect(changes).toEqual({});
  });

  it('lists only the fields that changed, from and to', () => {
    const before = hostedAgent();
    const after = hostedAgent({ name: 'Renamed', dailySpendCapCents: 0 });

    const changes = agentChanges(before, after);

    expect(changes).toEqual({
      name: { from: 'Support bot', to: 'Renamed' },
      dailySpendCapCents: { from: 1000, to: 0 },
    });
  });

  it('shows a new key by its hint only', () => {
    const before = hostedAgent();
    const after = byoAgent({ byoKey: keyReference('1', 'sk-ant-****wxyz') });

    const changes = agentChanges(before, after);

    expect(changes).toEqual({
      llmProvider: { from: LLM_PROVIDER.hosted, to: LLM_PROVIDER.byo },
      llmModel: { from: 'claude-sonnet-4-5', to: 'claude-opus-4-1' },
      byoKey: { from: null, to: 'sk-ant-****wxyz' },
    });
  });

  it('shows a removed key as a change to null', () => {
    const before = byoAgent({ byoKey: keyReference('1', 'sk-ant-****wxyz') });
    const after = hostedAgent({ llmModel: before.llmModel });

    const changes = agentChanges(before, after);

    expect(changes.byoKey).toEqual({ from: 'sk-ant-****wxyz', to: null });
  });

  it('records a rotation to a key with the same last four characters', () => {
    const before = byoAgent({ byoKey: keyReference('1', 'sk-ant-****same') });
    const after = byoAgent({ byoKey: keyReference('2', 'sk-ant-****same') });

    const changes = agentChanges(before, after);

    expect(changes).toEqual({ byoKey: { from: 'sk-ant-****same', to: 'sk-ant-****same' } });
  });

  it('ignores a key reference whose secret version is the same', () => {
    const before = byoAgent({ byoKey: keyReference('1') });
    const after = byoAgent({ byoKey: { ...keyReference('1'), status: 'REJECTED' } });

    const changes = agentChanges(before, after);

    expect(changes).toEqual({});
  });

  it('never shows the key’s vault address or fingerprint', () => {
    const before = hostedAgent();
    const after = byoAgent({ byoKey: keyReference('7') });

    const text = JSON.stringify(agentChanges(before, after));

    expect(text).not.toContain('arn:aws');
    expect(text).not.toContain('fingerprint-7');
    expect(text).not.toContain('version-7');
  });
});
