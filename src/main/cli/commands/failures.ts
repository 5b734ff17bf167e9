import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_OK, UsageError, printJson } from '../cli-io.js';
import { formatFailures } from '../format-failures.js';
import { withEngine } from '../open-cli-engine.js';

export const failuresCommand: Command = {
  name: 'failures',
  usage: 'vigil failures RUN [--project NAME] [--db PATH] [--json]',
  summary: "A run's failures grouped by root cause, with evidence, ranked by tests unblocked per fix",
  options: { ...COMMON_OPTIONS, project: { type: 'string' } },
  async run(args, io) {
    const [selector, ...extra] = args.positionals;
    if (!selector || extra.length > 0) throw new UsageError('failures takes exactly one RUN');
    const project = typeof args.values.project === 'string' ? args.values.project : undefined;
    const failures = await withEngine(args, (engine) => engine.getFailures({ run: selector, project }));
    if (args.values.json) printJson(io, { groups: failures.groups });
    else io.stdout.write(formatFailures(failures.groups));
    return EXIT_OK;
  },
};
