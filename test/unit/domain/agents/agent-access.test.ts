import { describe, expect, it } from 'vitest';
import { loadAgent } from '../../../../functions/domain/agents/agent-access.js';
import type { AgentRepository } from '../../../../functions/domain/agents/ports.js';
import { ServiceError } from '../../../../functions/shared/errors.js';
import { newId } from '../../../../functions/shared/ids.js';

function countingRepository(): { repository: AgentRepository; reads: () => number } {
  let reads = 0;
  const repository = {
    get: async () => {
      reads++;
      return undefined;
    },
  } as unknown as AgentRepository;
  return { repository, reads: () => reads };
}

describe('loadAgent', () => {
  it.each([
    ['an id far longer than a storage key allows', 'a'.repeat(1025)],
    ['an id of another shape', 'agent-1'],
    ['a dot segment', '..'],
  ])('answers 404 not_found for %s without reading storage', async (_, agentId) => {
    const { repository, reads } = countingRepository();

    const failure = await loadAgent(repository, newId('ws'), agentId).catch((error) => error);

    expect(failure).toBeInstanceOf(ServiceError);
    expect((failure as ServiceError).code).toBe('not_found');
    expect(reads()).toBe(0);
  });

  it('reads storage for an id this service issues', async () => {
    const { repository, reads } = countingRepository();

    await loadAgent(repository, newId('ws'), newId('agt')).catch(() => undefined);

    expect(reads()).toBe(1);
  });
});
