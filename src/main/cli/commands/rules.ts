// `vigil rules add|list|remove`: the user's own classification rules, matched before the
// built-in ones (like Allure's categories.json: a regular expression on one field).
import { isRootCauseCategory, ROOT_CAUSE_CATEGORIES, USER_RULE_FIELDS, type UserRule, type UserRuleField } from '../../../shared/root-cause-types.js';
import { userRulePatternProblem } from '../../engine/analysis/user-rules.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_FAILED, EXIT_OK, UsageError, printError, printJson } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withEngine } from '../open-cli-engine.js';

const stringOption = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function isField(value: string): value is UserRuleField {
  return (USER_RULE_FIELDS as readonly string[]).includes(value);
}

function ruleLine(rule: UserRule): string[] {
  return [rule.id, rule.category, rule.field, `/${rule.pattern}/`, rule.project ?? '(all)', rule.description ?? ''];
}

export const rulesCommand: Command = {
  name: 'rules',
  usage: 'vigil rules add|list|remove ...   (add --category C --pattern REGEX [--field message|trace|output|name|any] [--project NAME] [--description TEXT]; remove ID)',
  summary: 'Add, list or remove your own root-cause rules (matched before the built-in ones)',
  options: {
    ...COMMON_OPTIONS,
    category: { type: 'string' },
    pattern: { type: 'string' },
    field: { type: 'string' },
    project: { type: 'string' },
    description: { type: 'string' },
  },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    const project = stringOption(args.values.project);
    if (action === 'add') {
      if (rest.length > 0) throw new UsageError('rules add takes options only');
      const category = stringOption(args.values.category);
      const pattern = stringOption(args.values.pattern);
      const field = stringOption(args.values.field) ?? 'message';
      if (!category || !isRootCauseCategory(category)) throw new UsageError(`--category must be one of ${ROOT_CAUSE_CATEGORIES.join(', ')}`);
      if (pattern === undefined) throw new UsageError('--pattern REGEX is required');
      const problem = userRulePatternProblem(pattern);
      if (problem) throw new UsageError(`--pattern ${problem}`);
      if (!isField(field)) throw new UsageError(`--field must be one of ${USER_RULE_FIELDS.join(', ')}`);
      const description = stringOption(args.values.description);
      const rule = await withEngine(args, (engine) => engine.addRule({ category, pattern, field, project, description }));
      if (args.values.json) printJson(io, { rule });
      else io.stdout.write(`added ${rule.id}: ${rule.field} matching /${rule.pattern}/ is ${rule.category}${rule.project ? ` in ${rule.project}` : ''}\n`);
      return EXIT_OK;
    }
    if (action === 'list') {
      if (rest.length > 0) throw new UsageError('rules list takes options only');
      const rules = await withEngine(args, (engine) => engine.listRules({ project }));
      if (args.values.json) printJson(io, { rules });
      else if (rules.length === 0) io.stdout.write('no rules; add one with `vigil rules add --category CATEGORY --pattern REGEX`\n');
      else io.stdout.write(`${formatTable(['RULE', 'CATEGORY', 'FIELD', 'PATTERN', 'PROJECT', 'DESCRIPTION'], rules.map(ruleLine))}\n`);
      return EXIT_OK;
    }
    if (action === 'remove') {
      const [id, ...extra] = rest;
      if (!id || extra.length > 0) throw new UsageError('rules remove takes exactly one rule ID');
      const { removed } = await withEngine(args, (engine) => engine.removeRule({ id }));
      if (args.values.json) printJson(io, { removed });
      else if (removed) io.stdout.write(`removed ${id}\n`);
      if (!removed) printError(io, null, `no rule ${id}`);
      return removed ? EXIT_OK : EXIT_FAILED;
    }
    throw new UsageError(action === undefined ? 'rules needs add, list or remove' : `unknown rules action '${action}'; use add, list or remove`);
  },
};
