// The `vigil` command line (../shared/CLI.md). bin/vigil.js calls runCli; everything is
// returned as an exit status so tests can run the real CLI in-process or as a child.
import { parseArgs } from 'node:util';
import { NotFoundError } from '../engine/engine.js';
import { StoreError } from '../engine/store/migrate.js';
import { SelectorError } from '../engine/store/run-selector.js';
import type { CliContext, Command } from './command.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, printError, type CliIo } from './cli-io.js';
import { ingestCommand } from './commands/ingest.js';
import { runsCommand } from './commands/runs.js';
import { showCommand } from './commands/show.js';
import { watchCommand } from './commands/watch.js';
import { compareCommand } from './commands/compare.js';
import { reportCommand } from './commands/report.js';
import { gateCommand } from './commands/gate.js';
import { failuresCommand } from './commands/failures.js';
import { classifyCommand } from './commands/classify.js';
import { recategorizeCommand } from './commands/recategorize.js';
import { rulesCommand } from './commands/rules.js';

const COMMANDS: readonly Command[] = [ingestCommand, runsCommand, showCommand, watchCommand, compareCommand, reportCommand, gateCommand, failuresCommand, classifyCommand, recategorizeCommand, rulesCommand];

export const VERSION = '0.1.0';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return [
    'vigil: the test-run observatory (command line)',
    '',
    'Usage:',
    ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    `  ${'vigil serve [--port N] [--host 127.0.0.1] [--watch DIR...] [--db PATH]'.padEnd(width)}  Serve the UI and its API to a browser on loopback`,
    '',
    'Common options: --db PATH (default $VIGIL_DB, else vigil.db in the app\'s user-data folder), --json, --help',
    'Exit status: 0 done, 1 done but something failed, 2 usage error.',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo, context: CliContext = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (name === 'serve') {
    const { runServe } = await import('./commands/serve.js');
    return runServe(rest, io);
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    printError(io, null, `unknown command '${name}'; see \`vigil --help\``);
    return EXIT_USAGE;
  }
  try {
    const parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.stdout.write(`${command.usage}\n${command.summary}\n`);
      return EXIT_OK;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io, context);
  } catch (error) {
    return reportFailure(io, command, error);
  }
}

function reportFailure(io: CliIo, command: Command, error: unknown): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    printError(io, null, `${(error as Error).message}\nusage: ${command.usage}`);
    return EXIT_USAGE;
  }
  if (error instanceof SelectorError || error instanceof NotFoundError || error instanceof StoreError) {
    printError(io, null, error.message);
    return EXIT_FAILED;
  }
  throw error;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
