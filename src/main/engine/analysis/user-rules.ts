// The user's own rules (like Allure's categories.json, but matched before the built-in rules):
// a regular expression on the message, trace, captured output or test name.
import type { UserRule } from '../../../shared/root-cause-types.js';

export interface FailureTexts {
  message: string;
  trace: string;
  output: string;
  name: string;
}

export interface CompiledUserRule {
  rule: UserRule;
  pattern: RegExp;
}

/** Null when the pattern compiles, else one line saying why not. */
export function userRulePatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'the pattern is empty';
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
  return null;
}

export function compileUserRules(rules: readonly UserRule[]): CompiledUserRule[] {
  // Stored rules were checked when added; a pattern that no longer compiles matches nothing.
  return rules.filter((rule) => userRulePatternProblem(rule.pattern) === null).map((rule) => ({ rule, pattern: new RegExp(rule.pattern, 'i') }));
}

function fieldText(texts: FailureTexts, field: UserRule['field']): string {
  if (field === 'any') return `${texts.message}\n${texts.trace}\n${texts.output}\n${texts.name}`;
  return texts[field];
}

/** The first user rule that matches, in the order they were added. */
export function matchUserRule(rules: readonly CompiledUserRule[], texts: FailureTexts): CompiledUserRule | null {
  return rules.find(({ rule, pattern }) => pattern.test(fieldText(texts, rule.field))) ?? null;
}

export function userRuleEvidence(rule: UserRule): string {
  const why = rule.description ? `: ${rule.description}` : '';
  return `user rule ${rule.id} (${rule.field} matches /${rule.pattern}/)${why}`;
}
