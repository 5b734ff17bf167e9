// Literal text a pattern cannot match without: for each top-level alternative, the longest run of
// characters every match of it contains, or the literals of a group it must match, whichever
// rules out more. A text that holds none of them cannot match the pattern, which one scan for
// all literals of all patterns tells (see literal-index.ts) far more cheaply than running (and,
// the first time, compiling) each pattern.
// Read from the pattern's source, conservatively: anything not plainly a literal character (a
// class, "." or an anchor, an escape by name) ends a run and an optional character is left out.
// A pattern gets no literals, and is always run, when an alternative has none, when it has an
// escape this does not read (\x41, \u0041, \cJ, \1, \k<name>), or flags whose matching this does
// not model (u and v; g and y, whose lastIndex a call left out would change).

export interface RequiredLiterals {
  /** Any match of the pattern contains one of these (lower-cased when `ignoreCase`). */
  literals: readonly string[];
  /** The pattern ignores case: the literals are to be looked for in the lower-cased text. */
  ignoreCase: boolean;
}

/**
 * The source in tokens: an escape, a class, a group's opening (with its kind) or closing, "|",
 * a quantifier (with a lazy "?"), a run of plain characters, or any other single character.
 */
const TOKEN = /\\[\s\S]?|\[(?:\\[\s\S]|[^\\\]])*\]|\(\?(?::|=|!|<=|<!|<[^>]*>)|[()|]|(?:[?*+]|\{\d+(?:,\d*)?\})\??|[^\\[\]()|?*+{}.^$]+|[\s\S]/g;
/** Escapes by name of a class or an assertion, one character long: the only escapes by letter or digit this reads. */
const NAMED_ESCAPES = 'bBdDwWsSnrtfv';
/** Characters that are not plain literals where they start a token (the rest of a token is read by its kind). */
const SPECIAL = '\\[]()|?*+{}.^$';

const isAlphanumeric = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** A quantifier token: TOKEN reads "{" as one only when it is "{n}", "{n,}" or "{n,m}". */
function isQuantifier(token: string): boolean {
  const first = token[0];
  return first === '?' || first === '*' || first === '+' || (first === '{' && token.length > 1);
}

/** A parse of one source: its tokens, where it is, and whether it met something it does not read. */
interface Parse {
  tokens: string[];
  at: number;
  unread: boolean;
}

/** The least number of times a quantifier lets its atom match (1 without one). */
function least(quantifier: string | undefined): number {
  if (quantifier === undefined) return 1;
  const first = quantifier[0];
  if (first === '+') return 1;
  if (first === '?' || first === '*') return 0;
  return Number.parseInt(quantifier.slice(1), 10);
}

/** Of two sets of literals, whether the first rules out more texts: a longer shortest literal, then fewer of them. */
function better(option: readonly string[], than: readonly string[] | null): boolean {
  if (than === null) return true;
  const mine = shortest(option);
  const theirs = shortest(than);
  return mine > theirs || (mine === theirs && option.length < than.length);
}

function shortest(literals: readonly string[]): number {
  let length = Infinity;
  for (const literal of literals) length = Math.min(length, literal.length);
  return length;
}

/** The quantifier token after the atom just read, consumed; undefined when there is none. */
function quantifierAfter(parse: Parse): string | undefined {
  const next = parse.tokens[parse.at];
  if (next !== undefined && isQuantifier(next)) {
    parse.at += 1;
    return next;
  }
  return undefined;
}

/** One alternative, up to "|" or ")" or the end: the literals one of which every match of it contains, or null. */
function sequence(parse: Parse): string[] | null {
  let best: string[] | null = null;
  let run = '';
  const end = (): void => {
    if (run !== '' && better([run], best)) best = [run];
    run = '';
  };
  for (let token = parse.tokens[parse.at]; token !== undefined && token !== '|' && token !== ')'; token = parse.tokens[parse.at]) {
    parse.at += 1;
    if (token[0] === '(') {
      const inner = disjunction(parse);
      if (parse.tokens[parse.at] === ')') parse.at += 1;
      const times = least(quantifierAfter(parse));
      end();
      const lookaround = token === '(?=' || token === '(?!' || token === '(?<=' || token === '(?<!';
      if (!lookaround && times > 0 && inner !== null && better(inner, best)) best = inner;
      continue;
    }
    let literal: string | null = null;
    if (token[0] === '\\') {
      const escaped = token[1] ?? '';
      if (isAlphanumeric(escaped.charCodeAt(0))) {
        if (!NAMED_ESCAPES.includes(escaped)) parse.unread = true;
      } else if (escaped !== '') literal = escaped;
    } else if (!SPECIAL.includes(token[0] as string)) literal = token;
    const quantifier = quantifierAfter(parse);
    if (literal === null) {
      end();
      continue;
    }
    if (quantifier === undefined) {
      run += literal;
      continue;
    }
    // "ab?" "ab*" may leave the b out; "ab+" "ab{2}" have it at least once, then maybe more.
    run += literal.slice(0, -1);
    if (least(quantifier) > 0) run += literal.slice(-1);
    end();
  }
  end();
  return best;
}

/** Alternatives up to ")" or the end: the union of their literals, or null when one has none. */
function disjunction(parse: Parse): string[] | null {
  const union = new Set<string>();
  let complete = true;
  for (;;) {
    const literals = sequence(parse);
    if (literals === null) complete = false;
    else for (const literal of literals) union.add(literal);
    if (parse.tokens[parse.at] !== '|') break;
    parse.at += 1;
  }
  return complete ? [...union] : null;
}

const ASCII = /^[\x20-\x7e]*$/;

export function requiredLiterals(pattern: RegExp): RequiredLiterals | null {
  if (/[uvgy]/.test(pattern.flags)) return null;
  const parse: Parse = { tokens: pattern.source.match(TOKEN) ?? [], at: 0, unread: false };
  const literals = disjunction(parse);
  // Tokens left over (a stray ")") mean the source was not read as the engine reads it.
  if (literals === null || parse.unread || parse.at !== parse.tokens.length) return null;
  const ignoreCase = pattern.flags.includes('i');
  if (!ignoreCase) return { literals, ignoreCase };
  // Without the u flag, case is ignored for ASCII letters only, which toLowerCase() lowers alike.
  if (!literals.every((literal) => ASCII.test(literal))) return null;
  return { literals: [...new Set(literals.map((literal) => literal.toLowerCase()))], ignoreCase };
}
