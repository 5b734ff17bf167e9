// What the head of a failure (message, key line, exception lines) says about a rule list: the
// rules that its head patterns and `unless` patterns do not rule out, in list order. Both depend
// on the head alone, and the failures of a run repeat their heads, so the screen is computed once
// per distinct head (bounded) and a failure then tries only its few candidates, not every rule.
// Heads that differ repeat their lines (the same message above an exception line with another
// number): a pattern that can only match inside one line is matched once per distinct line.
import { isLineLocal } from './line-local.js';
import type { Rule } from './rule.js';

/** A rule that the head alone does not rule out, with what its head pattern found there. */
export interface Candidate {
  rule: Rule;
  /** The head pattern's match; null when the rule has no head pattern. */
  head: string | null;
}

/** A pattern as the screen uses it: line-local ones have a slot in the per-line results. */
interface Probe {
  pattern: RegExp;
  /** Index into a line's results; -1: matched against the whole head. */
  slot: number;
}

/** A rule list prepared once: each rule's head and `unless` probes, and the results per distinct line. */
interface Prepared {
  rules: { rule: Rule; head: Probe | null; unless: Probe | null }[];
  slots: number;
  /** What each line-local pattern found in a line (undefined: not tried yet), per distinct line, bounded. */
  lines: Map<string, (string | null | undefined)[]>;
  /** The candidates per distinct head, bounded. */
  heads: Map<string, Candidate[]>;
}

const PREPARED = new WeakMap<readonly Rule[], Prepared>();
const HEADS_KEPT = 4096;
const LINES_KEPT = 8192;

function prepare(rules: readonly Rule[]): Prepared {
  let slots = 0;
  const probe = (pattern: RegExp | undefined): Probe | null => (pattern ? { pattern, slot: isLineLocal(pattern) ? slots++ : -1 } : null);
  const prepared = rules.map((rule) => ({ rule, head: probe(rule.match?.head), unless: probe(rule.unless) }));
  return { rules: prepared, slots, lines: new Map(), heads: new Map() };
}

/**
 * The probe's first match in the head, whose lines are joined by "\n". A line-local pattern's
 * first match is its first match in the first line that has one: the same text exec finds.
 */
function firstMatch({ pattern, slot }: Probe, head: string, lines: readonly (string | null | undefined)[][], texts: readonly string[]): string | null {
  // Rule patterns carry no g/y flag (a line-local one cannot), so exec leaves no state behind.
  if (slot < 0) return pattern.exec(head)?.[0] ?? null;
  for (let index = 0; index < lines.length; index++) {
    const results = lines[index] as (string | null | undefined)[];
    let found = results[slot];
    if (found === undefined) {
      found = pattern.exec(texts[index] as string)?.[0] ?? null;
      results[slot] = found;
    }
    if (found !== null) return found;
  }
  return null;
}

function screen(prepared: Prepared, head: string): Candidate[] {
  const texts = head.split('\n');
  const lines = texts.map((text) => {
    let results = prepared.lines.get(text);
    if (!results) {
      if (prepared.lines.size >= LINES_KEPT) prepared.lines.clear();
      results = new Array<string | null | undefined>(prepared.slots);
      prepared.lines.set(text, results);
    }
    return results;
  });
  const candidates: Candidate[] = [];
  for (const { rule, head: headProbe, unless } of prepared.rules) {
    let found: string | null = null;
    if (headProbe) {
      if (head === '') continue;
      found = firstMatch(headProbe, head, lines, texts);
      if (found === null) continue;
    }
    if (unless && firstMatch(unless, head, lines, texts) !== null) continue;
    candidates.push({ rule, head: found });
  }
  return candidates;
}

/** The rules of the list that can apply to a failure with this head, in list order. */
export function candidatesFor(rules: readonly Rule[], head: string): readonly Candidate[] {
  let prepared = PREPARED.get(rules);
  if (!prepared) {
    prepared = prepare(rules);
    PREPARED.set(rules, prepared);
  }
  let candidates = prepared.heads.get(head);
  if (!candidates) {
    if (prepared.heads.size >= HEADS_KEPT) prepared.heads.clear();
    candidates = screen(prepared, head);
    prepared.heads.set(head, candidates);
  }
  return candidates;
}
