// Classifies one failure from its own content: every rule that matches adds its weight to its
// category (as independent pieces of evidence: 1 - (1-a)(1-b)...), negative weights speak
// against a category, and the strongest category wins. Pure: the same input always gives the
// same answer, which is what lets it run at ingest and be stored.
import type { RootCauseCategory } from '../../../shared/types.js';
import { factsOf, type FailureFacts } from './facts.js';
import type { Classification, FailureInput } from './failure-input.js';
import { BUILTIN_RULES } from './rules/index.js';
import { NATIVE_CRASH } from './rules/product-defect-rules.js';
import { applyCandidate, evidenceOf, type Rule, type RuleHit } from './rules/rule.js';
import { candidatesFor } from './rules/rule-screen.js';

/** Below this no category has enough evidence: the failure is `unknown`. */
export const MIN_SCORE = 0.3;
const MAX_EVIDENCE = 4;

export interface ClassificationWithAlternative extends Classification {
  /** The runner-up, so later evidence (history, a missing cascade cause) can fall back to it. */
  alternative: { category: RootCauseCategory; confidence: number } | null;
}

interface Tally {
  positive: number;
  negative: number;
  hits: RuleHit[];
}

const round = (value: number): number => Math.round(value * 100) / 100;

function tally(hits: RuleHit[]): Map<RootCauseCategory, Tally> {
  const byCategory = new Map<RootCauseCategory, Tally>();
  for (const hit of hits) {
    const entry = byCategory.get(hit.rule.category) ?? { positive: 0, negative: 0, hits: [] };
    const weight = hit.rule.weight;
    if (weight >= 0) {
      entry.positive = 1 - (1 - entry.positive) * (1 - weight);
      entry.hits.push(hit);
    } else {
      entry.negative = 1 - (1 - entry.negative) * (1 + weight);
    }
    byCategory.set(hit.rule.category, entry);
  }
  return byCategory;
}

/** What is left when no rule says enough: where the error was raised, else unknown. */
function fallback(facts: FailureFacts): Classification {
  const frame = facts.frames.innermostOwn;
  const where = frame ? `${frame.location}${frame.functionName ? ` (${frame.functionName})` : ''}` : '';
  if (facts.flags.get('inProduct')) {
    return { category: 'product_defect', confidence: 0.35, evidence: [`raised inside the product at ${where}, with no environmental signal`], rules: ['fallback.raised-in-product'] };
  }
  // A native crash surfaces in whatever frame ran last; the test's code cannot segfault by itself.
  if (facts.flags.get('inTest') && !facts.flags.get('assertion') && !NATIVE_CRASH.test(facts.key.text)) {
    return { category: 'test_defect', confidence: 0.3, evidence: [`raised in the test code at ${where}, with no environmental signal`], rules: ['fallback.raised-in-test'] };
  }
  const said = facts.key.text ? `: "${facts.key.text.slice(0, 80)}"` : '';
  return { category: 'unknown', confidence: 0.3, evidence: [`no rule recognises this failure${said}`], rules: [] };
}

export function classifyFacts(facts: FailureFacts, rules: readonly Rule[] = BUILTIN_RULES): ClassificationWithAlternative {
  const hits: RuleHit[] = [];
  for (const candidate of candidatesFor(rules, facts.texts.head)) {
    const hit = applyCandidate(candidate, facts);
    if (hit) hits.push(hit);
  }
  const ranked = [...tally(hits).entries()]
    .map(([category, entry]) => ({ category, score: entry.positive * (1 - entry.negative), hits: entry.hits }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const second = ranked[1];
  if (!best || best.score < MIN_SCORE) {
    const alternative = best ? { category: best.category, confidence: round(best.score) } : null;
    return { ...fallback(facts), alternative };
  }
  const evidence = [...best.hits].sort((a, b) => b.rule.weight - a.rule.weight).slice(0, MAX_EVIDENCE).map((hit) => evidenceOf(hit, facts));
  return {
    category: best.category,
    confidence: round(Math.min(0.99, Math.max(0.05, best.score - 0.5 * (second?.score ?? 0)))),
    evidence: [...new Set(evidence)],
    rules: best.hits.map((hit) => hit.rule.id),
    alternative: second && second.score >= MIN_SCORE ? { category: second.category, confidence: round(second.score) } : null,
  };
}

export function classifyFailure(input: FailureInput, rules: readonly Rule[] = BUILTIN_RULES): ClassificationWithAlternative {
  return classifyFacts(factsOf(input), rules);
}
