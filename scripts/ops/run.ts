import { parseArgs } from 'node:util';
import type { Command, OptionValues } from './command.js';
import { COMMAND_NAMES, COMMANDS } from './commands.js';
import { describeFailure, OpsError } from './errors.js';
import { type OpsIo, processIo } from './io.js';
import { SafeOutput } from './output.js';
import { useTarget } from './target.js';
import { commandHelp, GLOBAL_OPTIONS, mainHelp } from './usage.js';

/** The command's name: the first argument that is neither an option nor a global option's value. */
function splitCommand(argv: readonly string[]) {
  const { tokens, values } = parseArgs({
    args: [...argv],
    options: GLOBAL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const token = tokens.find((candidate) => candidate.kind === 'positional');
  const rest = token ? argv.filter((_, index) => index !== token.index) : [...argv];
  return { name: token?.value, rest, help: values.help === true, json: values.json === true };
}

function parseCommandArgs(command: Command, rest: readonly string[]) {
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new OpsError(`${(error as Error).message}; see \`${command.name} --help\``);
  }
  const count = parsed.positionals.length;
  if (count < command.positionals.min || count > command.positionals.max) {
    throw new OpsError(`wrong number of arguments; see \`${command.name} --help\``);
  }
  return parsed;
}

async function loadCommand(name: string): Promise<Command> {
  const load = COMMANDS[name];
  if (!load) {
    throw new OpsError(`unknown command "${name}"; commands: ${COMMAND_NAMES.join(', ')}`);
  }
  return load();
}

const stringOption = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function runCommand(command: Command, rest: readonly string[], io: OpsIo, out: SafeOutput) {
  const { values, positionals } = parseCommandArgs(command, rest);
  const target = await useTarget(
    {
      stage: stringOption(values.stage),
      stackFile: stringOption(values['stack-file']),
      environmentFile: stringOption(values['environment-file']),
    },
    command.needs,
    (text) => out.problem(text),
  );
  return command.execute({ args: positionals, options: values, io, out, target });
}

/**
 * Keeps the product's own output out of the command's: the functions' info
 * lines and metric (EMF) lines would go to stdout. Warnings and errors still
 * reach stderr. Set before any product module loads, since the logger and
 * the metrics read these when they are made.
 */
function quietServiceOutput(): void {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
}

/**
 * Runs one ops command and returns its exit code: 0 when it did its work, 1
 * with a one-line message on standard error when it could not. Streams are
 * injectable so tests run commands in-process.
 */
export async function run(argv: readonly string[], io: OpsIo = processIo()): Promise<number> {
  quietServiceOutput();
  const { name, rest, help, json } = splitCommand(argv);
  const out = new SafeOutput(io, { json });
  try {
    if (name === undefined) {
      const commands = await Promise.all(COMMAND_NAMES.map(loadCommand));
      (help ? out.line.bind(out) : out.problem.bind(out))(mainHelp(commands));
      return help ? 0 : 1;
    }
    const command = await loadCommand(name);
    if (help) {
      out.line(commandHelp(command));
      return 0;
    }
    return await runCommand(command, rest, io, out);
  } catch (error) {
    out.problem(`ops${name ? ` ${name}` : ''}: ${describeFailure(error)}`);
    return 1;
  }
}
