// Which of many patterns can match a text, told from the text's pairs of characters instead of
// running each pattern: every literal a pattern requires (see required-literals.ts) is filed
// under its first two characters, the text's pairs pick out the few literals that can be in it,
// and includes() confirms them. The rule screen asks this of every new line of a head; without
// it a new line runs (and, in a fresh process, compiles) a hundred patterns, most of which have
// nothing to find there. A loop over a line's pairs costs less than running those patterns,
// even before the code is optimised, which is when most new lines come.
import type { RequiredLiterals } from './required-literals.js';

/** The literals of one case mode by their first two characters, each with the patterns it lets through. */
type ByPair = Map<string, { literal: string; patterns: number[] }[]>;

function file(into: ByPair, literal: string, pattern: number): void {
  const pair = literal.slice(0, 2);
  let entries = into.get(pair);
  if (!entries) {
    entries = [];
    into.set(pair, entries);
  }
  const known = entries.find((entry) => entry.literal === literal);
  if (known) known.patterns.push(pattern);
  else entries.push({ literal, patterns: [pattern] });
}

/** Marks the patterns whose literals the text holds. */
function mark(byPair: ByPair, text: string, possible: Uint8Array): void {
  for (let at = 0; at + 1 < text.length; at++) {
    const entries = byPair.get(text.slice(at, at + 2));
    if (!entries) continue;
    for (let index = 0; index < entries.length; index++) {
      const { literal, patterns } = entries[index] as { literal: string; patterns: number[] };
      if (!text.startsWith(literal, at)) continue;
      for (let owner = 0; owner < patterns.length; owner++) possible[patterns[owner] as number] = 1;
    }
  }
}

export class LiteralIndex {
  private readonly exact: ByPair = new Map();
  private readonly folded: ByPair = new Map();
  /** 1 for the patterns that may match anything: no literals, or a literal of one character. */
  private readonly always: Uint8Array;

  /** `required[i]` is what pattern i cannot match without; null: pattern i is always run. */
  constructor(required: readonly (RequiredLiterals | null)[]) {
    this.always = new Uint8Array(required.length);
    required.forEach((entry, index) => {
      // A one-character literal would be looked for at every position: such a pattern is just
      // run. One with a line break is too, so that what a text holds is what its lines hold.
      if (!entry || entry.literals.some((literal) => literal.length < 2 || literal.includes('\n'))) {
        this.always[index] = 1;
        return;
      }
      for (const literal of entry.literals) file(entry.ignoreCase ? this.folded : this.exact, literal, index);
    });
  }

  /**
   * Per pattern, 1 when it may match the text, 0 when it cannot. No literal holds a line break,
   * so a pattern may match a text of several lines only where it may match one of them.
   */
  possible(text: string): Uint8Array {
    const result = this.always.slice();
    if (this.exact.size > 0) mark(this.exact, text, result);
    // Without the u flag, case is ignored for ASCII letters only, which toLowerCase() lowers alike.
    if (this.folded.size > 0) mark(this.folded, text.toLowerCase(), result);
    return result;
  }
}
