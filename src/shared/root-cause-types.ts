// Root-cause analysis as it crosses the process boundary: `vigil failures`, `vigil classify`,
// the user's overrides and rules (../shared/CLI.md, ../shared/PRODUCT.md "Root causes").
import type { RootCauseCategory } from './types.js';

export const ROOT_CAUSE_CATEGORIES: readonly RootCauseCategory[] = [
  'isolation_leak',
  'config_mismatch',
  'external_blocker',
  'product_defect',
  'test_defect',
  'flaky',
  'cascade',
  'unknown',
];

export function isRootCauseCategory(value: unknown): value is RootCauseCategory {
  return typeof value === 'string' && (ROOT_CAUSE_CATEGORIES as readonly string[]).includes(value);
}

/** One group of a run's failures: one cause, one thing to fix (`vigil failures --json`). */
export interface FailureGroup {
  id: string;
  category: RootCauseCategory;
  confidence: number;
  /** Readable: "UNIQUE constraint failed: users.email". */
  title: string;
  /** The normalised failure the group stands for; the same in every run. */
  signature: string;
  /** One line each: what points to this category. */
  evidence: string[];
  /** Test ids. */
  tests: string[];
  /** For a cascade: the id of the group that caused it; else null. */
  cascadeOf: string | null;
  /** Tests this group blocks: its own and those of the cascades it causes. */
  blocks: number;
}

export interface RunFailures {
  /** Ranked: most tests unblocked per fix first; a cascade right after its cause. */
  groups: FailureGroup[];
}

/** One line of `vigil classify` input. */
export interface ClassifyRequest {
  id: string;
  message: string;
  trace?: string;
  output?: string;
  name?: string;
  framework?: string;
}

/** One line of `vigil classify` output. */
export interface ClassifyResult {
  id: string;
  category: RootCauseCategory;
  confidence: number;
  evidence: string[];
}

/** A user's decision that a failure signature belongs to another category. */
export interface CategoryOverride {
  project: string;
  signature: string;
  category: RootCauseCategory;
  /** The title of the failure or group it was made from, to show in lists. */
  title: string;
  createdAt: string;
}

export type UserRuleField = 'message' | 'trace' | 'output' | 'name' | 'any';

export const USER_RULE_FIELDS: readonly UserRuleField[] = ['message', 'trace', 'output', 'name', 'any'];

/** A user rule: like an Allure category, matched before the built-in rules. */
export interface UserRule {
  id: string;
  /** null: every project. */
  project: string | null;
  category: RootCauseCategory;
  field: UserRuleField;
  /** A regular expression (JavaScript syntax), matched case-insensitively. */
  pattern: string;
  /** Shown as the evidence when the rule matches. */
  description: string | null;
  createdAt: string;
}

export interface NewUserRule {
  project?: string;
  category: RootCauseCategory;
  field: UserRuleField;
  pattern: string;
  description?: string;
}
