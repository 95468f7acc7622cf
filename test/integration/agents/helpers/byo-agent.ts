import { seedTestWorkspace } from '../../../support/fixtures.js';
import { type AgentsApi, byoPatch } from './agents-api.js';
import { registeredKey } from './emulator.js';

/**
 * A fresh workspace with an OWNER and one hosted agent. One per test keeps
 * each test under the workspace's key-validation limits.
 */
export async function freshAgent() {
  const workspace = await seedTestWorkspace({ roles: ['OWNER'] });
  return { workspace, agentId: workspace.agentIds[0]!, tokens: workspace.tokens };
}

/** A fresh agent already on a key the emulator accepts; throws if the key cannot be set. */
export async function freshByoAgent(agents: AgentsApi, llmModel = 'claude-opus-4-7') {
  const { workspace, agentId, tokens } = await freshAgent();
  const apiKey = await registeredKey();

  const response = await agents.patch(tokens.OWNER, agentId, byoPatch(apiKey, llmModel));
  if (response.status !== 200) {
    const code = response.body?.error?.code;
    throw new Error(`setting the first key answered ${response.status} ${code}`);
  }
  return { workspace, agentId, token: tokens.OWNER, apiKey, agent: response.body };
}
