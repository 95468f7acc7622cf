import type { Command } from './command.js';

/**
 * Every command, loaded on use, so that `--help` and a bad argument answer
 * without loading the AWS adapters of commands that are not run.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  agent: async () => (await import('./commands/agent.js')).agentCommand,
  capped: async () => (await import('./commands/capped.js')).cappedCommand,
  'find-key': async () => (await import('./commands/find-key.js')).findKeyCommand,
  'sweep-secrets': async () => (await import('./commands/sweep-secrets.js')).sweepSecretsCommand,
  'redrive-reset': async () => (await import('./commands/redrive-reset.js')).redriveResetCommand,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);
