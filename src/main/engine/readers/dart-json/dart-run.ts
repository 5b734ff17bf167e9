// The state of a Dart event stream being read: suites, groups and tests by id, turned into
// results when the stream (or a run within it) ends.
import type { ResultSink } from '../../model/raw-result.js';
import { DistinctNames } from '../distinct-names.js';
import { isObject, num, scalarText, str, type JsonObject } from '../json/json-value.js';
import { DartGroups } from './dart-groups.js';
import { DART_RESULT, isDartResult } from './dart-status.js';
import { DartTest } from './dart-test.js';

/** The state of one run of the event stream; a second "start" event begins a new run. */
export class DartRun {
  private readonly tests = new Map<number, DartTest>();
  private readonly suites = new Map<number, string>();
  private readonly groups = new DartGroups();
  private names = new DistinctNames();
  private sawDone = false;
  private lastTime: number | undefined;
  private doneTime: number | undefined;

  constructor(private readonly sink: ResultSink) {}

  event(event: JsonObject): void {
    const time = num(event.time);
    if (time !== undefined) this.lastTime = Math.max(this.lastTime ?? 0, time);
    switch (event.type) {
      case 'start':
        if (this.tests.size > 0) this.flush();
        this.sink.runInfo({ properties: versions(event) });
        break;
      case 'suite':
        if (isObject(event.suite) && typeof event.suite.id === 'number') this.suites.set(event.suite.id, str(event.suite.path) ?? '');
        break;
      case 'group':
        if (isObject(event.group) && typeof event.group.id === 'number') {
          this.groups.add(event.group.id, num(event.group.parentID) ?? null, str(event.group.name) ?? '');
        }
        break;
      case 'testStart':
        this.testStart(event, time);
        break;
      case 'print':
        this.withTest(event, (test) => {
          const message = str(event.message) ?? '';
          if (event.messageType === 'skip') test.skipReason ??= message.replace(/^Skip: /, '');
          else test.print(message);
        });
        break;
      case 'error':
        this.withTest(event, (test) => test.addError(str(event.error) ?? 'error', str(event.stackTrace), event.isFailure === true));
        break;
      case 'testDone':
        this.withTest(event, (test) => {
          test.hidden = event.hidden === true;
          test.skipped = event.skipped === true;
          test.endTime = time;
          if (isDartResult(event.result)) test.result = DART_RESULT[event.result];
          else {
            this.sink.warn(`unknown test result ${JSON.stringify(event.result)} for "${test.name}"; counted as errored`);
            test.result = 'errored';
          }
        });
        break;
      case 'done':
        this.sawDone = true;
        this.doneTime = time;
        break;
      default:
        break; // allSuites, debug and future event types carry nothing we keep
    }
  }

  private testStart(event: JsonObject, time: number | undefined): void {
    const test = event.test;
    if (!isObject(test) || typeof test.id !== 'number') return;
    const fullName = str(test.name) ?? '';
    const groupIds = Array.isArray(test.groupIDs) ? test.groupIDs.filter((id): id is number => typeof id === 'number') : [];
    const place = this.groups.place(fullName, groupIds);
    const suiteId = num(test.suiteID);
    const file = suiteId === undefined ? undefined : this.suites.get(suiteId);
    const known = file === '' ? undefined : file;
    // Where the test is defined: a test run again by @Retry comes back at the same place, a
    // namesake defined elsewhere (or by a helper called from elsewhere: root_line) does not.
    const location = ['line', 'column', 'root_line', 'root_column'].map((key) => scalarText(test[key]) ?? '').join(':') + `:${groupIds.join(',')}`;
    const name = this.names.name(place.suite, place.name, known, location);
    const dartTest = new DartTest(place.suite, name, known, time);
    if (isObject(test.metadata)) dartTest.skipReason = str(test.metadata.skipReason);
    this.tests.set(test.id, dartTest);
  }

  private withTest(event: JsonObject, use: (test: DartTest) => void): void {
    const id = num(event.testID);
    const test = id === undefined ? undefined : this.tests.get(id);
    if (test) use(test);
  }

  private flush(): void {
    let unfinished = 0;
    for (const test of this.tests.values()) {
      if (test.result === null) unfinished += 1;
      if (test.counted) this.sink.test(test.toResult());
    }
    if (unfinished > 0) this.sink.warn(`${unfinished} test(s) started but never finished; counted as errored`);
    this.tests.clear();
    this.suites.clear();
    this.groups.clear();
    const renamed = this.names.warning();
    if (renamed !== null) this.sink.warn(renamed);
    this.names = new DistinctNames();
  }

  finish(): void {
    this.flush();
    // Event times are ms since the run started; "done" marks its end (else the last event).
    const end = this.doneTime ?? this.lastTime;
    if (end !== undefined) this.sink.runInfo({ durationMs: end });
    if (!this.sawDone) this.sink.warn('the event stream has no "done" event: the run may have been interrupted');
  }
}

function versions(event: JsonObject): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const key of ['protocolVersion', 'runnerVersion']) {
    const value = scalarText(event[key]);
    if (value !== undefined) properties[key] = value;
  }
  return properties;
}
