// `vigil gate [--project NAME] [--run RUN] [--goals FILE]`: checks the project's goals against a
// run (default: the latest) for CI. Exits 1 when a goal is NOT MET, when a goal has NO DATA
// (a gate that cannot see the figure must not pass; --allow-no-data relaxes that), or when no
// goals file can be read.
import { GOAL_STATUS_LABEL } from '../../../shared/report-types.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_FAILED, EXIT_OK, UsageError, printError, printJson } from '../cli-io.js';
import { withEngine } from '../open-cli-engine.js';

const stringOption = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const gateCommand: Command = {
  name: 'gate',
  usage: 'vigil gate [--project NAME] [--run RUN] [--goals FILE] [--allow-no-data] [--db PATH] [--json]',
  summary: 'Check the goals in vigil.goals.json against a run; exit 1 when one is not met (for CI)',
  options: { ...COMMON_OPTIONS, project: { type: 'string' }, run: { type: 'string' }, goals: { type: 'string' }, 'allow-no-data': { type: 'boolean' } },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`gate takes no positional arguments (got '${args.positionals[0]}'); name the run with --run`);
    const check = await withEngine(args, async (engine) =>
      engine.reports.checkGoals({ project: stringOption(args.values.project), run: stringOption(args.values.run), goalsPath: stringOption(args.values.goals) }),
    );
    const { goals } = check;
    if (args.values.json) printJson(io, check);
    if (goals.error) {
      printError(io, null, goals.error);
      return EXIT_FAILED;
    }
    if (goals.source === null) {
      const looked = goals.searched.length > 0 ? `looked for ${goals.searched.join(', ')}` : `the root of project ${check.project} is not known`;
      printError(io, null, `no goals to check (${looked}); write vigil.goals.json at the project root or pass --goals FILE`);
      return EXIT_FAILED;
    }
    if (!args.values.json) {
      io.stdout.write(`goals from ${goals.source}, checked against ${check.run.id} (${check.run.startedAt})\n`);
      for (const result of goals.results) {
        io.stdout.write(`${GOAL_STATUS_LABEL[result.status].padEnd(8)} ${result.name}: ${result.actual ?? 'no data'} (target ${result.target}); ${result.detail}\n`);
      }
    }
    const notMet = goals.results.filter((result) => result.status === 'not_met').length;
    const noData = goals.results.filter((result) => result.status === 'no_data').length;
    const failed = notMet > 0 || (noData > 0 && !args.values['allow-no-data']);
    if (failed) printError(io, null, `gate failed for ${check.run.id}: ${notMet} goal(s) NOT MET, ${noData} with NO DATA${args.values['allow-no-data'] ? ' (allowed)' : ''}`);
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
