// `vigil report [--project NAME] [--before RUN] [--after RUN] [--out FILE] [--max-bytes N]`:
// the handoff report in Markdown, on stdout or in FILE. With --max-bytes the lists are folded
// until it fits; when even the most folded report does not, it is still written and the
// command exits 1 saying by how much it is over.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_FAILED, EXIT_OK, UsageError, printError, printJson } from '../cli-io.js';
import { withEngine } from '../open-cli-engine.js';
import { MAX_REPORT_BYTES } from '../../../shared/api-contract.js';

function maxBytesOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const bytes = Number(text);
  if (!/^\d+$/.test(text) || bytes < 1 || bytes > MAX_REPORT_BYTES) throw new UsageError(`--max-bytes must be a whole number from 1 to ${MAX_REPORT_BYTES}, not '${text}'`);
  return bytes;
}

const stringOption = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const reportCommand: Command = {
  name: 'report',
  usage: 'vigil report [--project NAME] [--before RUN] [--after RUN] [--out FILE] [--max-bytes N] [--goals FILE] [--db PATH] [--json]',
  summary: 'Write the handoff report (Markdown): before/after, what changed, root causes, coverage, goals',
  options: {
    ...COMMON_OPTIONS,
    project: { type: 'string' },
    before: { type: 'string' },
    after: { type: 'string' },
    out: { type: 'string' },
    'max-bytes': { type: 'string' },
    goals: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`report takes no positional arguments (got '${args.positionals[0]}'); name runs with --before and --after`);
    const maxBytes = maxBytesOf(args.values['max-bytes']);
    const report = await withEngine(args, async (engine) =>
      engine.reports.report({
        project: stringOption(args.values.project),
        before: stringOption(args.values.before),
        after: stringOption(args.values.after),
        maxBytes,
        goalsPath: stringOption(args.values.goals),
      }),
    );
    const out = stringOption(args.values.out);
    if (out !== undefined) writeFileSync(resolve(out), report.markdown);
    if (args.values.json) printJson(io, report);
    else if (out === undefined) io.stdout.write(report.markdown);
    else io.stdout.write(`wrote ${resolve(out)} (${report.bytes} bytes; ${report.before.id} → ${report.after.id})\n`);
    if (!report.fits) {
      printError(io, out ? resolve(out) : null, `the report is ${report.bytes} bytes with every list folded, over --max-bytes ${maxBytes}`);
      return EXIT_FAILED;
    }
    return EXIT_OK;
  },
};
