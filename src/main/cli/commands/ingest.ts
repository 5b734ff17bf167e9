import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_FAILED, EXIT_OK, UsageError, printError, printJson } from '../cli-io.js';
import { runLine } from '../format-run.js';
import { withEngine } from '../open-cli-engine.js';

export const ingestCommand: Command = {
  name: 'ingest',
  usage: 'vigil ingest PATH... [--project NAME] [--db PATH] [--json]',
  summary: 'Read report files (or every report under a folder) into the store',
  options: { ...COMMON_OPTIONS, project: { type: 'string' } },
  async run(args, io, context) {
    if (args.positionals.length === 0) throw new UsageError('ingest needs at least one PATH');
    const project = typeof args.values.project === 'string' ? args.values.project : undefined;
    const outcome = await withEngine(args, (engine) => engine.ingestPaths({ paths: args.positionals, project }), context);
    for (const error of outcome.errors) printError(io, error.path, error.error);
    if (args.values.json) {
      printJson(io, outcome);
    } else {
      for (const run of outcome.runs) io.stdout.write(`stored    ${runLine(run)}\n`);
      for (const duplicate of outcome.duplicates) io.stdout.write(`unchanged ${duplicate.path} (already stored in ${duplicate.runId})\n`);
      for (const warning of outcome.warnings) io.stdout.write(`warning   ${warning.path}: ${warning.warning}\n`);
      const summary = `${outcome.runs.length} run(s) stored, ${outcome.duplicates.length} file(s) already stored, ${outcome.errors.length} error(s)`;
      io.stdout.write(`${summary}\n`);
    }
    return outcome.errors.length > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
