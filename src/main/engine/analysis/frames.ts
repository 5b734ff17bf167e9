// Stack frames of a trace, sorted into whose code they are: the test's own code, the product
// under test, a third-party library, the network stack, or the runner itself. Where a failure
// was raised says a lot: a TypeError inside a test helper is a broken test, the same inside
// the product is a defect, a refused connection inside the HTTP client is the network.
import { lineFrame, type LineFrame } from './frame-lines.js';

export type FrameKind = 'test' | 'product' | 'library' | 'network' | 'runner';

export interface Frame {
  /** The file (Python, JS, Go) or the class (Java/.NET) the frame names. */
  location: string;
  functionName: string;
  kind: FrameKind;
}

/** Most traces are far shorter; a 10,000-frame recursion trace adds nothing past this. */
const MAX_FRAMES = 200;

const isOwn = (frame: Frame): boolean => frame.kind === 'test' || frame.kind === 'product';

/**
 * Python lists the outermost frame first; Java, JS, .NET and Go the innermost. The innermost
 * frame of the project's own code (test or product) is where the failure surfaced. Frames are
 * parsed lazily: in innermost-first traces the answer is usually within the first few lines.
 * Each line is read at most once, whatever asks (the innermost frame, then a network frame, a
 * fixture frame...): later scans reuse what earlier ones read.
 */
export class FrameSummary {
  private all: Frame[] | null = null;
  private own: Frame | null | undefined;
  private python: boolean | undefined;
  /** Per line, once read. */
  private readonly read: (LineFrame | undefined)[];

  constructor(
    private readonly trace: string,
    private readonly lines: readonly string[],
  ) {
    this.read = new Array<LineFrame | undefined>(lines.length);
  }

  /** Whether the trace lists the outermost frame first; three scans of the trace, made only when the order matters. */
  private get pythonOrder(): boolean {
    // faulthandler's dumps (segfaults) list the innermost frame first, as they say. ("py:" before
    // the expression: a search for ".py:" stops at every dot of a Java trace.)
    this.python ??= (this.trace.includes('Traceback (most recent call last)') || this.trace.includes('File "') || (this.trace.includes('py:') && /\.py:\d+:/.test(this.trace))) && !this.trace.includes('(most recent call first)');
    return this.python;
  }

  /**
   * Walks the lines' frames in the order given (last line first when `lastFirst`) and hands each
   * frame to `visit` until it returns true: that frame is returned (null when none). A Go frame
   * without a function takes the one its function line named, in a copy: the frame read is
   * shared. A plain loop, not a generator: it runs for every failure at ingest.
   */
  private walk(lastFirst: boolean, visit: (frame: Frame) => boolean): Frame | null {
    let goFunction = '';
    let count = 0;
    const last = this.lines.length - 1;
    for (let step = 0; step <= last; step++) {
      const index = lastFirst ? last - step : step;
      const line = (this.read[index] ??= lineFrame(this.lines[index] as string));
      if (line.goFunction !== null) {
        goFunction = line.goFunction;
        continue;
      }
      let frame = line.frame;
      if (!frame) continue;
      if (frame.functionName === '' && goFunction) frame = { location: frame.location, functionName: goFunction, kind: frame.kind };
      goFunction = '';
      if (visit(frame)) return frame;
      if (++count >= MAX_FRAMES) return null;
    }
    return null;
  }

  /** Every frame (up to MAX_FRAMES) in the order the trace lists them. */
  listed(): Frame[] {
    const all: Frame[] = [];
    this.walk(false, (frame) => {
      all.push(frame);
      return false;
    });
    return all;
  }

  /** Innermost first. */
  get frames(): Frame[] {
    if (!this.all) {
      const parsed = this.listed();
      this.all = this.pythonOrder ? parsed.reverse() : parsed;
    }
    return this.all;
  }

  /** The innermost frame in the project's own code (test or product), or null. */
  get innermostOwn(): Frame | null {
    if (this.own === undefined) {
      if (this.all) this.own = this.all.find(isOwn) ?? null;
      else {
        // Python's innermost frame is last: read its lines from the end (Python lines parse alone).
        this.own = this.walk(this.pythonOrder, isOwn);
      }
    }
    return this.own;
  }

  /**
   * True when some frame satisfies the test, in whatever order: frames are parsed only until one
   * does (a trace with a network frame near its top is not parsed to its end).
   */
  some(test: (frame: Frame) => boolean): boolean {
    if (this.all) return this.all.some(test);
    return this.walk(false, test) !== null;
  }

  /** The innermost frame of any kind except the runner's. */
  get innermost(): Frame | null {
    return this.frames.find((frame) => frame.kind !== 'runner') ?? null;
  }
}

export function parseFrames(trace: string | null | undefined, lines: readonly string[] = trace ? trace.split('\n') : []): Frame[] {
  return trace ? new FrameSummary(trace, lines).listed() : [];
}

export function summariseFrames(trace: string | null | undefined, lines?: readonly string[]): FrameSummary {
  const text = trace ?? '';
  return new FrameSummary(text, lines ?? (text === '' ? [] : text.split('\n')));
}
