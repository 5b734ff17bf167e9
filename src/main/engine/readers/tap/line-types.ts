// The kinds of line a TAP stream has, as tap-parser recognises them (tap-parser is the reference
// implementation the conformance fixtures come from). Every line here ends with "\n".

export const LINE_PATTERNS = {
  testPoint: /^(not )?ok(?: ([0-9]+))?(?:(?: -)?( .*?))?(\{?)\n$/,
  pragma: /^pragma ([+-])([a-zA-Z0-9_-]+)\n$/,
  bailout: /^bail out!(.*)\n$/i,
  version: /^TAP version ([0-9]+)\n$/i,
  childVersion: /^( {4})+TAP version ([0-9]+)\n$/i,
  plan: /^([0-9]+)\.\.([0-9]+)(?:\s+(?:#\s*(.*)))?\n$/,
  subtest: /^# Subtest(?:: (.*))?\n$/,
  subtestIndent: /^ {4}# Subtest(?:: (.*))?\n$/,
  comment: /^\s*#.*\n$/,
} as const;

export type LineKind = keyof typeof LINE_PATTERNS;

export interface TypedLine {
  readonly kind: LineKind;
  readonly match: RegExpMatchArray;
}

const ORDER = Object.keys(LINE_PATTERNS) as LineKind[];

/** The first kind whose pattern matches (order matters: "# Subtest" is a subtest, not a comment). */
export function lineType(line: string): TypedLine | null {
  for (const kind of ORDER) {
    const match = LINE_PATTERNS[kind].exec(line);
    if (match) return { kind, match };
  }
  return null;
}
