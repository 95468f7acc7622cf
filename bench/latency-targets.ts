import Anthropic from '@anthropic-ai/sdk';
import type { BenchWorkspace } from './bench-workspace.js';
import { messageBody } from './bench-workspace.js';
import { expectOk } from './load.js';

/** One way of making the same agent call, timed side by side with the others. */
export interface LatencyTarget {
  readonly name: string;
  send(): Promise<void>;
}

/** The baseline: the official SDK straight to the emulator, as an agent without the service would. */
export function directTarget(emulatorUrl: string, apiKey: string, model: string): LatencyTarget {
  const client = new Anthropic({ apiKey, authToken: null, baseURL: emulatorUrl, maxRetries: 0 });
  return {
    name: 'direct',
    send: async () => {
      await client.messages.create({
        ...messageBody(model),
        model,
      } as Anthropic.MessageCreateParamsNonStreaming);
    },
  };
}

/**
 * `POST /agents/{id}/messages` on the local API, rotating over several
 * agents, as many agents would call at once: one agent's day item would
 * otherwise serialise every reservation in moto.
 */
export function gatewayTarget(
  name: string,
  apiUrl: string,
  workspace: BenchWorkspace,
  agentIds: readonly string[],
): LatencyTarget {
  let next = 0;
  const body = JSON.stringify(messageBody());
  return {
    name,
    send: async () => {
      const agentId = agentIds[next++ % agentIds.length];
      const response = await fetch(`${apiUrl}/agents/${agentId}/messages`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${workspace.tokens.MEMBER}`,
          'content-type': 'application/json',
        },
        body,
      });
      await expectOk(response, name);
    },
  };
}

/** The same call through LiteLLM's Anthropic-format endpoint. */
export function liteLlmTarget(proxyUrl: string, apiKey: string, model: string): LatencyTarget {
  const body = JSON.stringify(messageBody(model));
  return {
    name: 'litellm',
    send: async () => {
      const response = await fetch(`${proxyUrl}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body,
      });
      await expectOk(response, 'litellm');
    },
  };
}
