// `vigil recategorize TARGET CATEGORY`: the user's word on a failure group or a failing test.
// Stored by signature, so the same failure lands in that category in later runs too.
import { isRootCauseCategory, ROOT_CAUSE_CATEGORIES } from '../../../shared/root-cause-types.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_OK, UsageError, printJson } from '../cli-io.js';
import { withEngine } from '../open-cli-engine.js';

export const recategorizeCommand: Command = {
  name: 'recategorize',
  usage: 'vigil recategorize TARGET CATEGORY [--run RUN] [--project NAME] [--db PATH] [--json]   (TARGET: group g_... or test t_...; RUN: default latest)',
  summary: 'Move a failure group or failing test to another root-cause category (remembered for later runs)',
  options: { ...COMMON_OPTIONS, run: { type: 'string' }, project: { type: 'string' } },
  async run(args, io) {
    const [target, category, ...extra] = args.positionals;
    if (!target || !category || extra.length > 0) throw new UsageError('recategorize takes a TARGET (g_... or t_...) and a CATEGORY');
    if (!isRootCauseCategory(category)) throw new UsageError(`'${category}' is not a category; one of ${ROOT_CAUSE_CATEGORIES.join(', ')}`);
    const run = typeof args.values.run === 'string' ? args.values.run : 'latest';
    const project = typeof args.values.project === 'string' ? args.values.project : undefined;
    const override = await withEngine(args, (engine) => engine.setCategory({ run, target, category, project }));
    if (args.values.json) printJson(io, { override });
    else io.stdout.write(`moved "${override.title}" to ${override.category} (project ${override.project}); later runs with the same failure signature follow\n`);
    return EXIT_OK;
  },
};
