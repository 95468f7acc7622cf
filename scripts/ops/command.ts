import type { ParseArgsConfig } from 'node:util';
import type { EnvName } from '../../functions/shared/environment.js';
import type { OpsIo } from './io.js';
import type { SafeOutput } from './output.js';
import type { Target } from './target.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command runs with, once its arguments are parsed and its target is set. */
export interface CommandContext {
  /** The positional arguments after the command's name. */
  readonly args: readonly string[];
  readonly options: OptionValues;
  readonly io: OpsIo;
  readonly out: SafeOutput;
  readonly target: Target;
}

/**
 * One ops command. Its module must read no environment when it loads: it is
 * loaded (for `--help` and to parse its options) before the target is set.
 */
export interface Command {
  readonly name: string;
  /** One line, for the command list. */
  readonly summary: string;
  /** The full `--help` text, without the global options. */
  readonly help: string;
  readonly options: OptionSpecs;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** The function environment variables it reads on a deployed stage. */
  readonly needs: readonly EnvName[];
  /** Runs the command and returns its exit code. */
  execute(context: CommandContext): Promise<number>;
}
