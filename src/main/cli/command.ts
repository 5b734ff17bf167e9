import type { ParseArgsConfig } from 'node:util';
import type { Worker } from 'node:worker_threads';
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
  run(args: ParsedArgs, io: CliIo, context: CliContext): Promise<number>;
}

/** What the process that runs the CLI has prepared for it (bin/vigil.js). */
export interface CliContext {
  /** A parse worker started ahead for `vigil ingest`, so its start-up overlaps loading the CLI. */
  spareParseWorker?: Worker | null;
}

/** Options every command takes (CLI.md). */
export const COMMON_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
