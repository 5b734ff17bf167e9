// One "ok"/"not ok" line, read the way tap-parser reads it: optional number, description,
// directive after the first unescaped " #", and a trailing "{" that opens a buffered subtest.
import type { Yamlish } from './yamlish.js';
import { OPEN_BRACE_EOL, parseDirective } from './directive.js';

export interface TestPoint {
  readonly ok: boolean;
  /** The point's number, 0 when the line has none. */
  readonly id: number;
  readonly hasId: boolean;
  readonly name: string;
  /** "ok 1 - name {": the subtest's lines follow, up to a "}" line. */
  buffered: boolean;
  readonly skip: string | true | false;
  readonly todo: string | true | false;
  /** From "# time=12ms": milliseconds. */
  readonly time: number | null;
  /** The YAML diagnostics block under the point, when it had one. */
  diag: Yamlish | null;
  /** Protocol error tap-parser attaches to the point (id outside the plan, repeated id). */
  tapError: string | null;
}

/** `match` is LINE_PATTERNS.testPoint's match for the line. */
export function parseTestPoint(match: RegExpMatchArray): TestPoint {
  const ok = !match[1];
  const hasId = match[2] !== undefined && match[2] !== '';
  let buffered = match[4] ?? '';
  // A pair of backslashes stands for one; "\n" cannot occur inside the line, so it holds the
  // place of an escaped backslash while the text is split on unescaped "#".
  const rest = (match[3] ?? '').replace(/\\\\/g, '\n');
  const [head, ...tail] = rest.split(/(?<=\s|^)(?<!\\)#/g);
  let name = (head ?? '').replace(/\\#/g, '#').replace(/\n/g, '\\');
  const directiveText = tail.join('#').replace(/\\#/g, '#').replace(/\n/g, '\\');
  const directive = parseDirective(directiveText.trim());
  let skip: string | true | false = false;
  let todo: string | true | false = false;
  let time: number | null = null;
  if (!directive) {
    name += (directiveText ? `#${directiveText}` : '') + buffered;
  } else if (directive[0] === 'skip') {
    skip = directive[1];
  } else if (directive[0] === 'todo') {
    todo = directive[1];
  } else {
    time = directive[1];
  }
  if (OPEN_BRACE_EOL.test(name)) {
    name = name.replace(OPEN_BRACE_EOL, '');
    buffered = '{';
  }
  return {
    ok,
    id: hasId ? Number(match[2]) : 0,
    hasId,
    name: name.trim(),
    buffered: buffered === '{',
    skip,
    todo,
    time,
    diag: null,
    tapError: null,
  };
}
