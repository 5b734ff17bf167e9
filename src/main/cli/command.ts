import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Options every command takes (CLI.md). */
export const COMMON_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
