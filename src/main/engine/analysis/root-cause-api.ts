// The root-cause methods of EngineApi over the root-cause service: run selectors resolved,
// failures of the service turned into the errors every caller already understands.
import { ContractError } from '../../../shared/api-contract.js';
import type { EngineApi, RunSummary } from '../../../shared/types.js';
import type { RootCauseService } from './root-cause-service.js';
import { TargetNotFoundError } from './root-cause-service.js';
import { userRulePatternProblem } from './user-rules.js';

export type RootCauseApi = Pick<EngineApi, 'getFailures' | 'classifyFailures' | 'setCategory' | 'listRules' | 'addRule' | 'removeRule'>;

export function rootCauseApi(
  service: RootCauseService,
  resolveRun: (selector: string, project?: string) => RunSummary,
  notFound: (message: string) => Error,
): RootCauseApi {
  const translate = <T>(body: () => T): T => {
    try {
      return body();
    } catch (error) {
      if (error instanceof TargetNotFoundError) throw notFound(error.message);
      throw error;
    }
  };
  return {
    getFailures: async ({ run, project }) => translate(() => service.failures(resolveRun(run, project).id)),
    classifyFailures: async ({ failures }) => service.classify(failures),
    setCategory: async ({ run, target, category, project }) => translate(() => service.recategorize(resolveRun(run, project).id, target, category)),
    listRules: async ({ project }) => service.listRules(project),
    addRule: async (rule) => {
      const problem = userRulePatternProblem(rule.pattern);
      if (problem) throw new ContractError(`addRule: pattern ${problem}`, 'bad-arguments');
      const added = service.addRule(rule);
      if (!added) throw notFound(`no project '${rule.project ?? ''}': a rule can name a project once it has runs`);
      return added;
    },
    removeRule: async ({ id }) => ({ removed: service.removeRule(id) }),
  };
}
