// Every built-in rule, in one list. User rules run before these (see user-rules.ts).
import { CASCADE_RULES } from './cascade-rules.js';
import { CONFIG_MISMATCH_RULES } from './config-mismatch-rules.js';
import { EXTERNAL_BLOCKER_RULES } from './external-blocker-rules.js';
import { FLAKY_RULES } from './flaky-rules.js';
import { ISOLATION_LEAK_RULES } from './isolation-leak-rules.js';
import { PRODUCT_DEFECT_RULES } from './product-defect-rules.js';
import type { Rule } from './rule.js';
import { TEST_DEFECT_RULES } from './test-defect-rules.js';

export const BUILTIN_RULES: readonly Rule[] = [
  ...ISOLATION_LEAK_RULES,
  ...CONFIG_MISMATCH_RULES,
  ...EXTERNAL_BLOCKER_RULES,
  ...PRODUCT_DEFECT_RULES,
  ...TEST_DEFECT_RULES,
  ...FLAKY_RULES,
  ...CASCADE_RULES,
];
