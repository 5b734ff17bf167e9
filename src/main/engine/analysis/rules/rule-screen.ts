// What the head of a failure (message, key line, exception lines) says about a rule list: the
// rules that its head patterns and `unless` patterns do not rule out, in list order. Both depend
// on the head alone, and the failures of a run repeat their heads, so the screen is computed once
// per distinct head (bounded) and a failure then tries only its few candidates, not every rule.
// Heads that differ repeat their lines (the same message above an exception line with another
// number): a pattern that can only match inside one line is matched once per distinct line. A
// pattern is run on a line only when the line holds one of its required literals (see
// literal-index.ts): most of the hundred patterns have nothing to find in a given line, and a
// pattern never run is never compiled, which in a fresh process costs more than running it.
import { isLineLocal } from './line-local.js';
import { LiteralIndex } from './literal-index.js';
import { requiredLiterals } from './required-literals.js';
import { compiledRule, type CompiledRule, type Rule } from './rule.js';

/** A rule that the head alone does not rule out, with what its head pattern found there. */
export interface Candidate {
  rule: Rule;
  /** The head pattern's match; null when the rule has no head pattern. */
  head: string | null;
  /** The rule's entries, listed once with the candidate rather than looked up for every failure. */
  compiled: CompiledRule;
}

/** A pattern as the screen uses it: line-local ones have a slot in the per-line results. */
interface Probe {
  pattern: RegExp;
  /** Index into a line's results; -1: matched against the whole head. */
  slot: number;
  /** Its index in the list's literal index. */
  id: number;
}

/** What the line-local probes found in one line (undefined: not tried yet), and which of them its literals let through. */
interface LineResults {
  found: (string | null | undefined)[];
  possible: Uint8Array | null;
}

/** A rule list prepared once: each rule's head and `unless` probes, and the results per distinct line. */
interface Prepared {
  rules: { rule: Rule; head: Probe | null; unless: Probe | null }[];
  slots: number;
  /** What each probe cannot match without: a line with none of it is passed over unmatched. */
  literals: LiteralIndex;
  /** Per distinct line, bounded. */
  lines: Map<string, LineResults>;
  /** The candidates per distinct head, bounded. */
  heads: Map<string, Candidate[]>;
}

const PREPARED = new WeakMap<readonly Rule[], Prepared>();
const HEADS_KEPT = 4096;
const LINES_KEPT = 8192;

function prepare(rules: readonly Rule[]): Prepared {
  let slots = 0;
  const patterns: RegExp[] = [];
  const probe = (pattern: RegExp | undefined): Probe | null => (pattern ? { pattern, slot: isLineLocal(pattern) ? slots++ : -1, id: patterns.push(pattern) - 1 } : null);
  const prepared = rules.map((rule) => ({ rule, head: probe(rule.match?.head), unless: probe(rule.unless) }));
  return { rules: prepared, slots, literals: new LiteralIndex(patterns.map(requiredLiterals)), lines: new Map(), heads: new Map() };
}

/**
 * The probe's first match in the head, whose lines are joined by "\n". A line-local pattern's
 * first match is its first match in the first line that has one: the same text exec finds. A
 * pattern is run on a line (or, if not line-local, on the head) only when it holds one of its
 * literals.
 */
function firstMatch(prepared: Prepared, { pattern, slot, id }: Probe, head: string, lines: readonly LineResults[], texts: readonly string[]): string | null {
  // Rule patterns carry no g/y flag (a line-local one cannot), so exec leaves no state behind.
  if (slot < 0) return possibleInSome(prepared, id, lines, texts) ? (pattern.exec(head)?.[0] ?? null) : null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as LineResults;
    let found = line.found[slot];
    if (found === undefined) {
      const text = texts[index] as string;
      found = possibleIn(prepared, line, text)[id] === 0 ? null : (pattern.exec(text)?.[0] ?? null);
      line.found[slot] = found;
    }
    if (found !== null) return found;
  }
  return null;
}

function possibleIn(prepared: Prepared, line: LineResults, text: string): Uint8Array {
  return (line.possible ??= prepared.literals.possible(text));
}

/** Whether the probe may match the head: where it may match one of its lines (see LiteralIndex.possible). */
function possibleInSome(prepared: Prepared, id: number, lines: readonly LineResults[], texts: readonly string[]): boolean {
  for (let index = 0; index < lines.length; index++) if (possibleIn(prepared, lines[index] as LineResults, texts[index] as string)[id] === 1) return true;
  return false;
}

function screen(prepared: Prepared, head: string): Candidate[] {
  const texts = head.split('\n');
  const lines = texts.map((text) => {
    let results = prepared.lines.get(text);
    if (!results) {
      if (prepared.lines.size >= LINES_KEPT) prepared.lines.clear();
      results = { found: new Array<string | null | undefined>(prepared.slots), possible: null };
      prepared.lines.set(text, results);
    }
    return results;
  });
  const candidates: Candidate[] = [];
  for (const { rule, head: headProbe, unless } of prepared.rules) {
    let found: string | null = null;
    if (headProbe) {
      if (head === '') continue;
      found = firstMatch(prepared, headProbe, head, lines, texts);
      if (found === null) continue;
    }
    if (unless && firstMatch(prepared, unless, head, lines, texts) !== null) continue;
    candidates.push({ rule, head: found, compiled: compiledRule(rule) });
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
