// A push parser for TAP 12/13/14 that follows tap-parser (tapjs), the reference parser whose
// FinalResults the conformance fixtures record: lines are written one at a time, and protocol
// problems become data (counted failures, listed in `errors`), never exceptions. Subtests, both
// streamed ("# Subtest: name" + indented lines + closing point) and buffered ("ok 1 - name {"
// ... "}"), get a child parser of their own; only the top level's points count, like tap-parser.
// The rules below mirror tap-parser's (v13+) so that count/pass/fail/skip/todo agree exactly.
import { ReportError } from '../report-error.js';
import { BoundedText, MAX_BODY_CHARS } from '../text-limits.js';
import { parseDirective, unescapeTap } from './directive.js';
import { LINE_PATTERNS, lineType } from './line-types.js';
import type { TestPoint } from './test-point.js';
import { parseTestPoint } from './test-point.js';
import { readYamlish } from './yamlish.js';

/** Deeper subtests than this are refused: each level is a parser, and a line can open many. */
export const MAX_SUBTEST_DEPTH = 256;

/**
 * Longer lines are cut to this: a line is handed down (and copied) once per subtest level, so
 * this bounds the work per line; what is cut is console output no one reads in full anyway.
 */
export const MAX_TAP_LINE_CHARS = 1024 * 1024;

const MAX_COMMENTS_PER_POINT = 200;

export interface TapProblem {
  /** tap-parser's error text ("no plan", "id greater than plan end", ...). */
  readonly kind: string;
  /** The same with specifics, for people. */
  readonly detail: string;
}

export interface SubtestSummary {
  readonly name: string;
  readonly results: TapFinalResults;
  /** The subtest's TAP text (top-level subtests only). */
  readonly transcript: string;
}

/** A test point and what the stream said around it. */
export interface ParsedPoint {
  readonly point: TestPoint;
  /** Comment lines after the point (Perl's "#   Failed test ..." go there), without "#". */
  readonly comments: string[];
  /** Non-TAP lines and comments before and after the point, as written. */
  readonly output: BoundedText;
  subtest: SubtestSummary | null;
}

export interface TapFinalResults {
  readonly ok: boolean;
  readonly count: number;
  readonly pass: number;
  readonly fail: number;
  readonly skip: number;
  readonly todo: number;
  readonly bailout: string | boolean;
  readonly plan: { start: number | null; end: number | null; skipAll: boolean; skipReason: string; comment: string };
  /** Protocol errors, each counted in `fail` (tap-parser's `failures` that carry a tapError). */
  readonly errors: readonly TapProblem[];
  /** From a "# time=..." comment, in ms. */
  readonly time: number | null;
}

interface ParserOptions {
  parent?: TapParser;
  level?: number;
  buffered?: boolean;
  closingTestPoint?: ParsedPoint | null;
  strict?: boolean;
  omitVersion?: boolean;
  /** Top level only: called for each of its points, in order. */
  onPoint?: (point: ParsedPoint) => void;
}

export class TapParser {
  name = '';
  /** "TAP version N" when the stream declares one (top level). */
  version: number | null = null;
  results: TapFinalResults | null = null;

  private readonly parent: TapParser | null;
  private readonly level: number;
  readonly buffered: boolean;
  private closingTestPoint: ParsedPoint | null;
  private readonly omitVersion: boolean;
  private readonly onPoint: ((point: ParsedPoint) => void) | null;
  /** Top-level subtests keep their text for the closing point's trace. */
  private readonly transcript: BoundedText | null;

  private child: TapParser | null = null;
  private current: ParsedPoint | null = null;
  private maybeChild: string | null = null;
  private postPlan = false;
  private yamlish: string[] = [];
  private yamlishChars = 0;
  private yind = '';
  private bailedOut: string | boolean = false;
  private bailingOut: string | boolean = false;
  private braceLevel = 0;
  private count = 0;
  private pass = 0;
  private fail = 0;
  private skip = 0;
  private todo = 0;
  private ok = true;
  private readonly errors: TapProblem[] = [];
  private planStart = -1;
  private planEnd = -1;
  private planComment = '';
  private readonly pointsSeen = new Map<number, TestPoint>();
  private strict: boolean;
  private syntheticPlan = false;
  private time: number | null = null;
  /** Text seen while no point is pending: it goes with the next point. */
  private pendingOutput = new BoundedText();

  constructor(options: ParserOptions = {}) {
    this.parent = options.parent ?? null;
    this.level = options.level ?? 0;
    this.buffered = options.buffered ?? false;
    this.closingTestPoint = this.parent ? (options.closingTestPoint ?? null) : null;
    this.strict = options.strict ?? false;
    this.omitVersion = options.omitVersion ?? false;
    this.onPoint = options.onPoint ?? null;
    this.transcript = this.level === 1 ? new BoundedText(MAX_BODY_CHARS) : null;
  }

  /** One line of the stream, without its line terminator. */
  writeLine(text: string): void {
    this.parse(`${text.length > MAX_TAP_LINE_CHARS ? text.slice(0, MAX_TAP_LINE_CHARS) : text}\n`);
  }

  /** End of the stream: settles the plan and fills `results`. */
  end(): TapFinalResults {
    if (this.results) return this.results;
    if (this.yamlish.length > 0) this.yamlGarbage();
    this.emitResult();
    let skipAll = false;
    if (this.planEnd === 0 && this.planStart === 1) {
      skipAll = true;
      if (this.count === 0) this.ok = true;
      else this.tapError('Plan of 1..0, but test points encountered', `plan 1..0 (skip all), but ${this.count} test point(s) encountered`);
    } else if (!this.bailedOut && this.planStart === -1) {
      if (this.count === 0 && !this.syntheticPlan) {
        this.syntheticPlan = true;
        if (this.buffered) {
          this.planStart = 1;
          this.planEnd = 0;
        } else {
          this.plan(1, 0, 'no tests found', '1..0 # no tests found\n');
        }
        skipAll = true;
      } else {
        this.tapError('no plan', `no plan: ${this.count} test point(s) and no "1..N" line (the producer may have stopped early)`);
      }
    } else if (this.ok && this.count !== this.planEnd - this.planStart + 1) {
      this.tapError('incorrect number of tests', `incorrect number of tests: plan ${this.planStart}..${this.planEnd}, ${this.count} test point(s)`);
    }
    const results: TapFinalResults = {
      ok: this.ok,
      count: this.count,
      pass: this.pass,
      fail: this.fail,
      skip: skipAll ? this.count : this.skip,
      todo: this.todo,
      bailout: this.bailedOut,
      plan: {
        start: this.planStart === -1 ? null : this.planStart,
        end: this.planStart === -1 ? null : this.planEnd,
        skipAll,
        skipReason: skipAll ? this.planComment : '',
        comment: this.planComment,
      },
      errors: this.errors,
      time: this.time,
    };
    this.results = results;
    if (this.parent && !results.ok) this.parent.ok = false;
    return results;
  }

  private parse(input: string): void {
    let line = input.replace(/\r\n$/, '\n');
    this.transcript?.append(line);
    // Blank lines inside a subtest or a YAML block belong to it.
    if (line === '\n') {
      if (this.child) line = '    \n';
      else if (this.yind) line = `${this.yind}\n`;
    }
    // Bailing out: only the closing brace of a buffered subtest still matters.
    if (this.bailingOut) {
      if (!/^\s*\}\n$/.test(line)) return;
      if (!this.braceLevel || line.length < this.braceLevel) this.braceLevel = line.length;
      else return;
    }
    if (this.omitVersion && LINE_PATTERNS.version.test(line) && !this.yind) return;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indent) {
      this.parseIndent(line, indent);
      return;
    }
    if (this.child?.buffered && line === '}\n') {
      this.endChild();
      this.emitResult();
      return;
    }
    if (line === '\n') return;
    // "ok 1 - name" + YAML + "{": a buffered subtest whose diagnostics come first.
    if (this.current && line === '{\n' && this.current.point.diag && !this.current.point.buffered && !this.child) {
      this.current.point.buffered = true;
      return;
    }
    const type = lineType(line);
    if (!type) {
      this.nonTap(line);
      return;
    }
    if (type.kind === 'comment') {
      this.emitComment(line);
      return;
    }
    // Any real TAP line ends a YAML block that was never closed: it was not YAML.
    if (this.yind) this.yamlGarbage();
    if (this.maybeChild) {
      this.emitComment(this.maybeChild);
      this.maybeChild = null;
    }
    // Nothing but comments may follow a trailing plan.
    if (this.postPlan) {
      this.nonTap(line);
      return;
    }
    const m = type.match;
    switch (type.kind) {
      case 'bailout':
        this.bailout(unescapeTap((m[1] ?? '').trim()), false);
        return;
      case 'pragma':
        this.pragma(m[2] ?? '', m[1] === '+', line);
        return;
      case 'version':
        this.declareVersion(Number.parseInt(m[1] ?? '', 10), line);
        return;
      case 'plan':
        this.plan(Number(m[1]), Number(m[2]), unescapeTap(m[3] ?? '').trim(), line);
        return;
      case 'testPoint':
        this.testPoint(m);
        return;
      case 'subtest':
        // Maybe a streamed subtest; decided by the next line.
        this.maybeChild = line;
        return;
      default:
        // childVersion and subtestIndent start with spaces: parseIndent handles those lines.
        this.nonTap(line);
        return;
    }
  }

  private parseIndent(line: string, indent: string): void {
    if (this.child && line.startsWith('    ')) {
      this.child.parse(line.substring(4));
      return;
    }
    if (this.yind) {
      if (line.startsWith(this.yind)) {
        this.yamlishLine(line);
        return;
      }
      // The indent shrank inside the block: it was not YAML after all.
      this.yamlGarbage();
    }
    if (this.current && !this.yind && line === `${indent}---\n`) {
      this.yind = indent;
      return;
    }
    if (line.startsWith('    ')) {
      if (this.maybeChild || this.current?.point.buffered || LINE_PATTERNS.subtestIndent.test(line)) {
        this.startChild(line);
        return;
      }
      // Indented by whole 4-space steps and TAP once unindented: an unnamed subtest.
      const inner = unindentedBySteps(line);
      if (inner !== null) {
        const type = lineType(inner);
        if (type) {
          if (type.kind === 'comment') this.emitComment(line);
          else this.startChild(line);
          return;
        }
      }
    }
    if (LINE_PATTERNS.comment.test(line)) {
      this.emitComment(line);
      return;
    }
    this.nonTap(line);
  }

  private tapError(kind: string, detail: string): void {
    this.ok = false;
    this.fail += 1;
    this.errors.push({ kind, detail });
  }

  private testPoint(match: RegExpMatchArray): void {
    // With a subtest open, the point may be its closing point: emit only after linking them.
    if (!this.child) this.emitResult();
    if (this.bailedOut) return;
    const point = parseTestPoint(match);
    const parsed: ParsedPoint = { point, comments: [], output: this.pendingOutput, subtest: null };
    this.pendingOutput = new BoundedText();
    if (point.hasId && this.planStart !== -1) {
      const problem = point.id < this.planStart ? 'id less than plan start' : point.id > this.planEnd ? 'id greater than plan end' : null;
      if (problem) {
        point.tapError = problem;
        this.tapError(problem, `${problem}: test point ${point.id} outside plan ${this.planStart}..${this.planEnd}`);
      }
    }
    if (point.hasId && this.pointsSeen.has(point.id)) {
      const problem = `test point id ${match[2] ?? point.id} appears multiple times`;
      point.tapError = problem;
      this.tapError(problem, problem);
    } else if (point.hasId) {
      this.pointsSeen.set(point.id, point);
    }
    if (this.child) {
      if (!this.child.closingTestPoint) this.child.closingTestPoint = parsed;
      this.emitResult();
      if (this.bailedOut) return;
    }
    if (!point.skip && !point.todo) this.ok = this.ok && point.ok;
    this.current = parsed;
  }

  private nonTap(data: string): void {
    if (this.bailingOut && /^( {4})*\}\n$/.test(data)) return;
    if (this.strict) {
      const detail = `Non-TAP data encountered in strict mode: ${data.trim().slice(0, 200)}`;
      this.tapError('Non-TAP data encountered in strict mode', detail);
      this.parent?.tapError('Non-TAP data encountered in strict mode', detail);
    }
    this.keepOutput(data);
  }

  /** Text around points: a subtest's stays in its transcript; the top level's goes with a point. */
  private keepOutput(data: string): void {
    if (this.parent) return;
    (this.current?.output ?? this.pendingOutput).append(data);
  }

  private plan(start: number, end: number, comment: string, line: string): void {
    // Only one plan, and never inside an open subtest or YAML block.
    if (this.planStart !== -1 || this.child || this.yind) {
      this.nonTap(line);
      return;
    }
    this.emitResult();
    if (this.bailedOut) return;
    // 1..0 is "skip all"; otherwise the end may not come before the start.
    if (end < start && end !== 0 && start !== 1) {
      if (this.strict) this.tapError('plan end cannot be less than plan start', `plan end cannot be less than plan start: ${start}..${end}`);
      else this.nonTap(line);
      return;
    }
    this.planStart = start;
    this.planEnd = end;
    this.planComment = comment;
    // A plan after the points (or 1..0): check the ids already seen, and allow only comments after.
    if (this.count !== 0 || this.planEnd === 0) {
      for (const [id, point] of this.pointsSeen) {
        const problem = id < start ? 'id less than plan start' : id > end ? 'id greater than plan end' : null;
        if (problem) {
          point.tapError = problem;
          this.tapError(problem, `${problem}: test point ${id} outside plan ${start}..${end}`);
        }
      }
      this.postPlan = true;
    }
  }

  private resetYamlish(): void {
    this.yind = '';
    this.yamlish = [];
    this.yamlishChars = 0;
  }

  /** A "---" block that turned out not to be YAML: its lines are ordinary (non-TAP) text. */
  private yamlGarbage(): void {
    const garbage = `${this.yind}---\n${this.yamlish.join('')}`;
    this.emitResult();
    if (this.bailedOut) return;
    this.nonTap(garbage);
  }

  private yamlishLine(line: string): void {
    if (line === `${this.yind}...\n`) {
      this.processYamlish();
      return;
    }
    // Keep a bounded amount; the block still ends at its "...".
    if (this.yamlishChars < MAX_BODY_CHARS) {
      this.yamlish.push(line);
      this.yamlishChars += line.length;
    }
  }

  private processYamlish(): void {
    const text = this.yamlish.join('');
    this.resetYamlish();
    // yind is only ever set under a pending point.
    if (this.current) this.current.point.diag = readYamlish(text);
  }

  private declareVersion(version: number, line: string): void {
    // A version line counts only at the very start, and only for TAP 13 and later.
    if (version >= 13 && this.planStart === -1 && this.count === 0 && !this.current) {
      if (this.level === 0) this.version = version;
    } else {
      this.nonTap(line);
    }
  }

  private pragma(key: string, value: boolean, line: string): void {
    if (this.child) {
      this.nonTap(line);
      return;
    }
    this.emitResult();
    if (this.bailedOut) return;
    // Only "strict" changes parsing.
    if (key === 'strict') this.strict = value;
  }

  private bailout(reason: string, synthetic: boolean): void {
    if (this.bailingOut) return;
    this.bailingOut = reason || true;
    if (!synthetic) this.emitResult();
    else this.current = null;
    this.bailedOut = this.bailingOut;
    this.ok = false;
    if (this.parent) {
      this.end();
      this.parent.bailout(reason, true);
    }
  }

  private endChild(): void {
    const child = this.child;
    if (!child || (this.bailingOut && !child.count)) return;
    this.child = null;
    const results = child.end();
    if (child.closingTestPoint) {
      child.closingTestPoint.subtest = { name: child.name, results, transcript: child.transcript?.toString() ?? '' };
    }
  }

  private emitResult(): void {
    if (this.bailedOut) return;
    this.endChild();
    this.resetYamlish();
    const parsed = this.current;
    if (!parsed) return;
    this.current = null;
    const point = parsed.point;
    this.count += 1;
    if (point.ok) {
      this.pass += 1;
    } else {
      this.fail += 1;
      if (!point.todo && !point.skip) this.ok = false;
    }
    if (point.skip) this.skip += 1;
    if (point.todo) this.todo += 1;
    this.onPoint?.(parsed);
  }

  private startChild(line: string): void {
    if (this.level + 1 > MAX_SUBTEST_DEPTH) throw new ReportError(`TAP subtests nested deeper than ${MAX_SUBTEST_DEPTH} levels`);
    const maybeBuffered = this.current?.point.buffered ?? false;
    const unindentStream = !maybeBuffered && this.maybeChild !== null;
    const indentStream = !maybeBuffered && !unindentStream && LINE_PATTERNS.subtestIndent.test(line);
    // A streamed subtest ends the pending point; a buffered one belongs to it.
    if (!maybeBuffered) this.emitResult();
    if (this.bailedOut) return;
    const child = new TapParser({
      parent: this,
      level: this.level + 1,
      buffered: maybeBuffered,
      closingTestPoint: maybeBuffered ? this.current : null,
      omitVersion: true,
      strict: this.strict,
    });
    this.child = child;
    let rest = line.substring(4);
    let subtestComment: string;
    if (indentStream) {
      subtestComment = rest;
      rest = '';
    } else if (maybeBuffered && this.current) {
      subtestComment = `# Subtest: ${this.current.point.name}\n`;
    } else {
      subtestComment = this.maybeChild ?? '# Subtest\n';
    }
    this.maybeChild = null;
    child.name = subtestComment.substring('# Subtest: '.length).trim();
    child.emitComment(subtestComment);
    if (rest) child.parse(rest);
  }

  private emitComment(input: string): void {
    let line = input.trim().startsWith('#') ? input : `# ${input}`;
    if (!line.endsWith('\n')) line += '\n';
    const text = line.replace(/^\s*#\s*/, '').trim();
    const directive = parseDirective(text);
    if (directive?.[0] === 'time') this.time = directive[1];
    if (this.current && this.current.comments.length < MAX_COMMENTS_PER_POINT) this.current.comments.push(text);
    this.keepOutput(line);
  }
}

/**
 * The line without its indentation when that is whole 4-space steps and the rest is a single
 * line; else null. (tap-parser's /( {4})+(.*\n)$/ test, without the regex's backtracking.)
 */
function unindentedBySteps(line: string): string | null {
  let spaces = 0;
  while (line.charCodeAt(spaces) === 32) spaces += 1;
  if (spaces < 4 || spaces % 4 !== 0) return null;
  const inner = line.slice(spaces);
  return /[\r\u2028\u2029]/.test(inner.slice(0, -1)) ? null : inner;
}
