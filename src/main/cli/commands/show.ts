import type { TestResultRow } from '../../../shared/types.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_OK, UsageError, printJson } from '../cli-io.js';
import { formatDuration, passRate } from '../format-run.js';
import { coverageLines, lowestFilesTable } from '../format-coverage.js';
import { formatTable } from '../format-table.js';
import { withEngine } from '../open-cli-engine.js';

const STATUS_ORDER: Record<TestResultRow['status'], number> = { errored: 0, failed: 1, skipped: 2, passed: 3 };

export const showCommand: Command = {
  name: 'show',
  usage: 'vigil show RUN [--project NAME] [--db PATH] [--json]   (RUN: id, first, latest, latest~N, YYYY-MM-DD)',
  summary: 'Show one run and its tests',
  options: { ...COMMON_OPTIONS, project: { type: 'string' } },
  async run(args, io) {
    const [selector, ...extra] = args.positionals;
    if (!selector || extra.length > 0) throw new UsageError('show takes exactly one RUN');
    const project = typeof args.values.project === 'string' ? args.values.project : undefined;
    const detail = await withEngine(args, (engine) => engine.getRun({ run: selector, project }));
    if (args.values.json) {
      printJson(io, { run: detail.run, properties: detail.properties, tests: detail.tests, coverage: detail.coverage });
      return EXIT_OK;
    }
    const { run } = detail;
    const t = run.totals;
    io.stdout.write(
      [
        `run       ${run.id}`,
        `project   ${run.project}`,
        `started   ${run.startedAt}`,
        `duration  ${formatDuration(run.durationMs)}`,
        `format    ${run.format}`,
        `sources   ${run.sources.join('\n          ')}`,
        `tests     ${t.tests}: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped`,
        `pass rate ${passRate(t)}`,
        ...(detail.coverage ? coverageLines(detail.coverage) : []),
        '',
      ].join('\n'),
    );
    const lowestFiles = detail.coverage ? lowestFilesTable(detail.coverage) : '';
    if (lowestFiles) io.stdout.write(`${lowestFiles}\n\n`);
    const tests = [...detail.tests].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    const rows = tests.map((test) => [
      test.status.toUpperCase(),
      test.suite ? `${test.suite} › ${test.name}` : test.name,
      formatDuration(test.durationMs),
      test.attempts.length > 0 ? String(test.attempts.length + 1) : '',
      (test.message ?? '').split('\n')[0]?.slice(0, 100) ?? '',
    ]);
    io.stdout.write(`${formatTable(['STATUS', 'TEST', 'TIME', 'TRIES', 'MESSAGE'], rows, new Set([2]))}\n`);
    return EXIT_OK;
  },
};
