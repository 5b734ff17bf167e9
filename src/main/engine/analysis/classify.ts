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
import { candidatesFor, type Candidate } from './rules/rule-screen.js';

/** Below this no category has enough evidence: the failure is `unknown`. */
export const MIN_SCORE = 0.3;
const MAX_EVIDENCE = 4;

export interface ClassificationWithAlternative extends Classification {
  /** The runner-up, so later evidence (history, a missing cascade cause) can fall back to it. */
  alternative: { category: RootCauseCategory; confidence: number } | null;
}

interface Tally {
  category: RootCauseCategory;
  positive: number;
  negative: number;
  hits: RuleHit[];
  score: number;
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Per category, in the order the categories first appear among the hits (a list: there are a few). */
function tally(hits: readonly RuleHit[]): Tally[] {
  const tallies: Tally[] = [];
  for (let index = 0; index < hits.length; index++) {
    const hit = hits[index] as RuleHit;
    const category = hit.rule.category;
    let entry: Tally | undefined;
    for (let known = 0; known < tallies.length && !entry; known++) if ((tallies[known] as Tally).category === category) entry = tallies[known];
    if (!entry) {
      entry = { category, positive: 0, negative: 0, hits: [], score: 0 };
      tallies.push(entry);
    }
    const weight = hit.rule.weight;
    if (weight >= 0) {
      entry.positive = 1 - (1 - entry.positive) * (1 - weight);
      entry.hits.push(hit);
    } else {
      entry.negative = 1 - (1 - entry.negative) * (1 + weight);
    }
  }
  for (let index = 0; index < tallies.length; index++) {
    const entry = tallies[index] as Tally;
    entry.score = entry.positive * (1 - entry.negative);
  }
  return tallies;
}

/**
 * The entry with the highest positive score, the earliest on a tie, leaving out `except`: the
 * first and second of the tallies sorted (stably) by score, without sorting them.
 */
function strongest(tallies: readonly Tally[], except: Tally | null): Tally | null {
  let best: Tally | null = null;
  for (let index = 0; index < tallies.length; index++) {
    const entry = tallies[index] as Tally;
    if (entry === except || entry.score <= 0) continue;
    if (best === null || entry.score > best.score) best = entry;
  }
  return best;
}

/** What is left when no rule says enough: where the error was raised, else unknown. */
function fallback(facts: FailureFacts, alternative: ClassificationWithAlternative['alternative']): ClassificationWithAlternative {
  const frame = facts.frames.innermostOwn;
  const where = frame ? `${frame.location}${frame.functionName ? ` (${frame.functionName})` : ''}` : '';
  if (facts.flags.get('inProduct')) {
    return { category: 'product_defect', confidence: 0.35, evidence: [`raised inside the product at ${where}, with no environmental signal`], rules: ['fallback.raised-in-product'], alternative };
  }
  // A native crash surfaces in whatever frame ran last; the test's code cannot segfault by itself.
  if (facts.flags.get('inTest') && !facts.flags.get('assertion') && !NATIVE_CRASH.test(facts.key.text)) {
    return { category: 'test_defect', confidence: 0.3, evidence: [`raised in the test code at ${where}, with no environmental signal`], rules: ['fallback.raised-in-test'], alternative };
  }
  const said = facts.key.text ? `: "${facts.key.text.slice(0, 80)}"` : '';
  return { category: 'unknown', confidence: 0.3, evidence: [`no rule recognises this failure${said}`], rules: [], alternative };
}

/** The strongest hits' evidence lines (by weight, the first listed on a tie), each once. */
function evidenceLines(hits: readonly RuleHit[], facts: FailureFacts): string[] {
  if (hits.length === 1) return [evidenceOf(hits[0] as RuleHit, facts)];
  const evidence = [...hits].sort((a, b) => b.rule.weight - a.rule.weight).slice(0, MAX_EVIDENCE).map((hit) => evidenceOf(hit, facts));
  return [...new Set(evidence)];
}

export function classifyFacts(facts: FailureFacts, rules: readonly Rule[] = BUILTIN_RULES): ClassificationWithAlternative {
  const hits: RuleHit[] = [];
  // Index loops here and below: this runs for every failure at ingest, much of it before the
  // code is optimised, when iterators cost the most.
  const candidates = candidatesFor(rules, facts.texts.head);
  for (let index = 0; index < candidates.length; index++) {
    const hit = applyCandidate(candidates[index] as Candidate, facts);
    if (hit) hits.push(hit);
  }
  const tallies = tally(hits);
  const best = strongest(tallies, null);
  const second = best ? strongest(tallies, best) : null;
  if (!best || best.score < MIN_SCORE) {
    return fallback(facts, best ? { category: best.category, confidence: round(best.score) } : null);
  }
  const evidence = evidenceLines(best.hits, facts);
  return {
    category: best.category,
    confidence: round(Math.min(0.99, Math.max(0.05, best.score - 0.5 * (second?.score ?? 0)))),
    evidence,
    rules: best.hits.map((hit) => hit.rule.id),
    alternative: second && second.score >= MIN_SCORE ? { category: second.category, confidence: round(second.score) } : null,
  };
}

export function classifyFailure(input: FailureInput, rules: readonly Rule[] = BUILTIN_RULES): ClassificationWithAlternative {
  return classifyFacts(factsOf(input), rules);
}
