import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_OK, printJson } from '../cli-io.js';
import { formatDuration, passRate } from '../format-run.js';
import { formatTable } from '../format-table.js';
import { withEngine } from '../open-cli-engine.js';

export const runsCommand: Command = {
  name: 'runs',
  usage: 'vigil runs [--project NAME] [--db PATH] [--json]',
  summary: 'List stored runs, oldest first',
  options: { ...COMMON_OPTIONS, project: { type: 'string' } },
  async run(args, io) {
    const project = typeof args.values.project === 'string' ? args.values.project : undefined;
    const runs = await withEngine(args, (engine) => engine.listRuns({ project }));
    if (args.values.json) {
      printJson(io, { runs });
      return EXIT_OK;
    }
    if (runs.length === 0) {
      io.stdout.write(`no runs stored${project ? ` for project ${project}` : ''}; add some with \`vigil ingest PATH\`\n`);
      return EXIT_OK;
    }
    const rows = runs.map((run) => [
      run.id,
      run.project,
      run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      run.format,
      String(run.totals.tests),
      String(run.totals.passed),
      String(run.totals.failed),
      String(run.totals.errored),
      String(run.totals.skipped),
      passRate(run.totals),
      formatDuration(run.durationMs),
    ]);
    const headers = ['RUN', 'PROJECT', 'STARTED', 'FORMAT', 'TESTS', 'PASSED', 'FAILED', 'ERRORED', 'SKIPPED', 'PASS RATE', 'DURATION'];
    io.stdout.write(`${formatTable(headers, rows, new Set([4, 5, 6, 7, 8, 9, 10]))}\n`);
    return EXIT_OK;
  },
};
