// One `go test -json` event (test2json's TestEvent, plus the build events `go test` adds since
// Go 1.24), checked field by field: a line is an event only if it is a JSON object whose
// Action is a string.

export type GoAction =
  | 'start'
  | 'run'
  | 'pause'
  | 'cont'
  | 'pass'
  | 'fail'
  | 'skip'
  | 'output'
  | 'bench'
  | 'build-output'
  | 'build-fail';

const KNOWN_ACTIONS: ReadonlySet<string> = new Set<GoAction>([
  'start', 'run', 'pause', 'cont', 'pass', 'fail', 'skip', 'output', 'bench', 'build-output', 'build-fail',
]);

function isGoAction(action: string): action is GoAction {
  return KNOWN_ACTIONS.has(action);
}

export interface GoEvent {
  /** null for actions Go may add later (e.g. 'attr'): the reader ignores those. */
  readonly action: GoAction | null;
  /** Epoch ms of the event's Time, when present and valid. */
  readonly time?: number;
  readonly package: string;
  readonly test?: string;
  /** Seconds. */
  readonly elapsed?: number;
  readonly output?: string;
  /** Build events name the package being built here instead of in Package. */
  readonly importPath?: string;
  /** On a package's fail event: the ImportPath whose build failed. */
  readonly failedBuild?: string;
}

export type LineParse =
  | { kind: 'event'; event: GoEvent }
  /** Valid JSON but not an event (no Action string). */
  | { kind: 'other-json' }
  /** Starts like a JSON object but does not parse. */
  | { kind: 'broken-json'; problem: string }
  | { kind: 'text' };

export function parseEventLine(line: string): LineParse {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { kind: 'text' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    if (error instanceof SyntaxError) return { kind: 'broken-json', problem: error.message };
    throw error;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'other-json' };
  const record = value as Record<string, unknown>;
  const action = record.Action;
  if (typeof action !== 'string') return { kind: 'other-json' };
  const time = typeof record.Time === 'string' ? Date.parse(record.Time) : Number.NaN;
  const event: GoEvent = {
    action: isGoAction(action) ? action : null,
    time: Number.isFinite(time) ? time : undefined,
    package: stringField(record.Package) ?? '',
    test: stringField(record.Test),
    elapsed: typeof record.Elapsed === 'number' && Number.isFinite(record.Elapsed) ? record.Elapsed : undefined,
    output: stringField(record.Output),
    importPath: stringField(record.ImportPath),
    failedBuild: stringField(record.FailedBuild),
  };
  return { kind: 'event', event };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
