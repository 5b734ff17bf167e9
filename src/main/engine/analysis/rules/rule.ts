// A built-in rule is data: where to look, what to match, which facts must hold, which
// category it points to and how strongly. The classifier adds up the rules that match.
import type { RootCauseCategory } from '../../../../shared/types.js';
import type { FactFlag, FailureFacts } from '../facts.js';
import { memoByText } from '../memo.js';
import type { Candidate } from './rule-screen.js';

export type RuleField = 'head' | 'trace' | 'output' | 'name';

export interface Rule {
  id: string;
  category: RootCauseCategory;
  /**
   * How strongly a match points to the category, 0..1. Negative: the match speaks against the
   * category (a 5xx from the product's own test client is not another service failing).
   */
  weight: number;
  /** Every listed field must match its pattern. */
  match?: Partial<Record<RuleField, RegExp>>;
  /** Facts that must be true (or false, for `false`). */
  facts?: Partial<Record<FactFlag, boolean>>;
  /** The rule does not apply when the head matches this. */
  unless?: RegExp;
  /** One line; {match} is the matched text, {frame} the innermost frame of the project's code. */
  evidence: string;
}

export interface RuleHit {
  rule: Rule;
  /** The matched text, for the evidence line. */
  matched: string;
}

const MAX_QUOTE = 90;

/** Evidence quotes the same matched text for every failure with that message: shortened once per text. */
const quote = memoByText((text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 3)}...` : line;
}, 1024);

function frameText(facts: FailureFacts): string {
  const frame = facts.frames.innermostOwn;
  if (!frame) return 'an unknown frame';
  return frame.functionName ? `${frame.location} (${frame.functionName})` : frame.location;
}

/** A rule's entries, listed once (not on every failure) as named fields a plain loop reads. */
export interface CompiledRule {
  facts: { flag: FactFlag; value: boolean }[];
  match: { field: RuleField; pattern: RegExp }[];
}

const COMPILED = new WeakMap<Rule, CompiledRule>();

export function compiledRule(rule: Rule): CompiledRule {
  let entry = COMPILED.get(rule);
  if (!entry) {
    entry = {
      facts: Object.entries(rule.facts ?? {}).map(([flag, value]) => ({ flag: flag as FactFlag, value: value as boolean })),
      match: Object.entries(rule.match ?? {}).map(([field, pattern]) => ({ field: field as RuleField, pattern: pattern as RegExp })),
    };
    COMPILED.set(rule, entry);
  }
  return entry;
}

/**
 * Failures of one run repeat the same text (6,000 failures of the benchmark report have 700
 * distinct messages): what a pattern found in a text is remembered, bounded.
 */
const MATCHES = new Map<string, Map<RegExp, string | null>>();
const MATCHES_TEXTS = 4096;

function firstMatch(pattern: RegExp, text: string): string | null {
  let byPattern = MATCHES.get(text);
  if (!byPattern) {
    if (MATCHES.size >= MATCHES_TEXTS) MATCHES.clear();
    byPattern = new Map();
    MATCHES.set(text, byPattern);
  }
  let found = byPattern.get(pattern);
  if (found === undefined) {
    // Rule patterns carry no g/y flag, so exec has no lastIndex state to leak between texts.
    found = pattern.exec(text)?.[0] ?? null;
    byPattern.set(pattern, found);
  }
  return found;
}

/**
 * The hit when a candidate of `candidatesFor` applies to these facts, else null: its other
 * fields are matched (in the order the rule lists them), then its facts checked. Plain index
 * loops: at ingest this runs for some twenty candidates of every failure, much of it before the
 * code is optimised, when iterators and destructuring cost the most.
 */
export function applyCandidate(candidate: Candidate, facts: FailureFacts): RuleHit | null {
  const { facts: wanted, match } = candidate.compiled;
  let matched = '';
  for (let index = 0; index < match.length; index++) {
    const { field, pattern } = match[index] as CompiledRule['match'][number];
    let found: string | null;
    if (field === 'head') found = candidate.head;
    else {
      const text = facts.texts[field];
      if (text === '') return null;
      // Names are unique per test: remembering them would only push the shared messages out.
      found = field === 'name' ? (pattern.exec(text)?.[0] ?? null) : firstMatch(pattern, text);
    }
    if (found === null) return null;
    if (matched === '') matched = found;
  }
  for (let index = 0; index < wanted.length; index++) {
    const { flag, value } = wanted[index] as CompiledRule['facts'][number];
    if (facts.flags.get(flag) !== value) return null;
  }
  return { rule: candidate.rule, matched };
}

/** The hit's one line of evidence; only the winning category's hits are written out. */
export function evidenceOf(hit: RuleHit, facts: FailureFacts): string {
  const said = hit.rule.evidence.replace('{match}', quote(hit.matched));
  // Only a line that names the frame looks for it: finding it may parse the trace.
  return said.includes('{frame}') ? said.replace('{frame}', frameText(facts)) : said;
}
