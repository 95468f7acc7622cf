import type { Command, OptionSpecs } from './command.js';

/** Options every command takes; they choose the target and the output format. */
export const GLOBAL_OPTIONS = {
  stage: { type: 'string' },
  'environment-file': { type: 'string' },
  'stack-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

const GLOBAL_HELP = `Global options:
  --stage dev|prod          run against a deployed stage, with the names its stack
                            (AgentLlmCredentials-<stage>) outputs; AWS credentials and region
                            come from the standard chain (AWS_PROFILE, SSO, role)
  --environment-file FILE   with --stage: a function's environment as JSON, whose names
                            override the stack's outputs, e.g. from
                            aws lambda get-function-configuration --function-name NAME
  --stack-file FILE         the local stack's file (default .local/stack.json)
  --json                    print JSON for scripts instead of tables
  -h, --help                show help

Without --stage, commands run against the local stack \`npm start\` runs.
No command ever prints a key.`;

/** The top-level help: every command with its summary. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: npm run ops -- [global options] <command> [options]',
    '',
    'Commands:',
    ...list,
    '',
    GLOBAL_HELP,
    '',
    'Run `npm run ops -- <command> --help` for a command.',
  ].join('\n');
}

/** A command's help, followed by the global options. */
export const commandHelp = (command: Command) => `${command.help}\n\n${GLOBAL_HELP}`;
