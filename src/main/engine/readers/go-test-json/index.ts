// `go test -json` (test2json) event streams: one JSON event per line. Such a stream may carry
// lines that are not JSON (output a build step or a wrapper printed on stdout); those are kept as
// the package's output, as gotestsum does, unless no line at all is an event. A last line cut
// inside a JSON object means the file is still being written: a ReportError, never a partial run.
import type { ReportInput, ReportReader } from '../report-reader.js';
import type { ResultSink } from '../../model/raw-result.js';
import { ReportError, oneLine } from '../report-error.js';
import { BoundedText } from '../text-limits.js';
import type { GoEvent } from './go-event.js';
import { parseEventLine } from './go-event.js';
import { looksLikeGoTestJson } from './detect.js';
import { PackageRun } from './package-run.js';
import { propertyFromLine } from './output-text.js';
import { readLines } from '../read-lines.js';

export { PACKAGE_ENTRY_NAME } from './package-run.js';

export const goTestJsonReader: ReportReader = {
  format: 'go-test-json',
  matches: looksLikeGoTestJson,
  read: readGoTestJson,
};

class StreamState {
  readonly packages = new Map<string, PackageRun>();
  /** Build output per ImportPath, until the package's fail event names it in FailedBuild. */
  readonly builds = new Map<string, BoundedText>();
  readonly properties: Record<string, string> = {};
  firstTime: number | undefined;
  lastTime: number | undefined;
  longestPackageSeconds: number | undefined;
  events = 0;
  strayLines = 0;
  /** The package of the latest event: where stray non-JSON lines belong. */
  currentPackage: string | undefined;

  constructor(private readonly sink: ResultSink) {}

  packageRun(name: string): PackageRun {
    let run = this.packages.get(name);
    if (!run) {
      run = new PackageRun(name, this.sink);
      this.packages.set(name, run);
    }
    return run;
  }

  onEvent(event: GoEvent): void {
    this.events += 1;
    if (event.time !== undefined) {
      if (this.firstTime === undefined || event.time < this.firstTime) this.firstTime = event.time;
      if (this.lastTime === undefined || event.time > this.lastTime) this.lastTime = event.time;
    }
    if (event.output !== undefined) {
      const property = propertyFromLine(event.output);
      if (property) this.properties[property[0]] ??= property[1];
    }
    switch (event.action) {
      case 'build-output': {
        const key = event.importPath ?? event.package;
        let text = this.builds.get(key);
        if (!text) {
          text = new BoundedText();
          this.builds.set(key, text);
        }
        if (event.output !== undefined) text.append(event.output);
        return;
      }
      case 'build-fail':
        // The package's own fail event (with FailedBuild) follows and reports it.
        return;
      case null:
        return;
      default:
        break;
    }
    this.currentPackage = event.package;
    const run = this.packageRun(event.package);
    const action = event.action;
    if (event.test !== undefined || (action !== 'pass' && action !== 'fail' && action !== 'skip')) {
      run.onEvent(event);
      return;
    }
    let buildOutput: string | undefined;
    if (event.failedBuild !== undefined) {
      buildOutput = this.builds.get(event.failedBuild)?.toString() ?? '';
      this.builds.delete(event.failedBuild);
    }
    if (event.elapsed !== undefined) this.longestPackageSeconds = Math.max(this.longestPackageSeconds ?? 0, event.elapsed);
    run.finish({ action, elapsedSeconds: event.elapsed, buildOutput });
    this.packages.delete(event.package);
  }

  onStrayLine(text: string): void {
    this.strayLines += 1;
    if (this.currentPackage !== undefined) this.packageRun(this.currentPackage).addPackageOutput(`${text}\n`);
  }

  /** End of the stream: packages that never ended, builds that failed with no package event. */
  end(): void {
    for (const [name, run] of this.packages) {
      this.sink.warn(`package ${name || '(unnamed)'} has no pass/fail event: the stream ends while it runs`);
      run.finish(null);
    }
    this.packages.clear();
    for (const [importPath, output] of this.builds) {
      const text = output.toString();
      // Build output with no failure is only compiler chatter (e.g. vet notes); keep quiet.
      if (!/\S/.test(text.split('\n').filter((line) => !line.startsWith('# ')).join(''))) continue;
      new PackageRun(packageOfImportPath(importPath), this.sink).finish({ action: 'fail', buildOutput: text });
    }
    this.builds.clear();
  }
}

async function readGoTestJson(input: ReportInput, sink: ResultSink): Promise<void> {
  const state = new StreamState(sink);
  // A line that starts like JSON but does not parse is only an error when it is the last one.
  let pendingBroken: { number: number; problem: string; text: string } | null = null;
  for await (const line of readLines(input)) {
    if (line.text.trim() === '') continue;
    if (pendingBroken) {
      state.onStrayLine(pendingBroken.text);
      pendingBroken = null;
    }
    const parsed = parseEventLine(line.text);
    switch (parsed.kind) {
      case 'event':
        state.onEvent(parsed.event);
        break;
      case 'broken-json':
        pendingBroken = { number: line.number, problem: parsed.problem, text: line.text };
        break;
      case 'other-json':
      case 'text':
        state.onStrayLine(line.text);
        break;
    }
  }
  if (pendingBroken) {
    throw new ReportError(`truncated go test -json stream: line ${pendingBroken.number} is an incomplete JSON event (${oneLine(pendingBroken.problem, 120)}); the file may still be being written`);
  }
  if (state.events === 0) throw new ReportError('no go test -json events found (no line is a JSON object with an "Action" field)');
  state.end();
  if (state.strayLines > 0) sink.warn(`${state.strayLines} line(s) are not go test -json events; kept as package output`);
  const durationMs = state.firstTime !== undefined && state.lastTime !== undefined
    ? state.lastTime - state.firstTime
    : state.longestPackageSeconds !== undefined ? Math.round(state.longestPackageSeconds * 1000) : undefined;
  sink.runInfo({
    startedAt: state.firstTime !== undefined ? new Date(state.firstTime).toISOString() : undefined,
    durationMs,
    properties: Object.keys(state.properties).length > 0 ? state.properties : undefined,
  });
}

/** "example.com/p [example.com/p.test]" or "example.com/p.test" → "example.com/p". */
function packageOfImportPath(importPath: string): string {
  return importPath.replace(/\s*\[.*\]$/, '').replace(/\.test$/, '');
}
