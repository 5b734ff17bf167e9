// When does a line-streamed report say it has ended? Real streams, whole and cut where a pause
// would leave them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestReportFormat } from '../../../../src/main/engine/readers/report-reader.js';
import { streamState } from '../../../../src/main/engine/watch/stream-completeness.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const GO_STREAM = 'go-test-json/gotestsum/testjson/testdata/input/go-test-json.out';

/** The fixture's text as `keep` leaves it, written to a temp file. */
function cut(fixture: string, keep: (text: string) => string): string {
  const path = join(tempDir(), 'stream');
  writeFileSync(path, keep(readFileSync(fixturePath(fixture), 'utf8')));
  return path;
}

const firstLines = (count: number) => (text: string) => `${text.split('\n').slice(0, count).join('\n')}\n`;

describe('stream completeness', () => {
  it('finds every real go test -json stream complete', async () => {
    const fixtures = entriesWithCounts('go-test-json').filter(([relative]) => relative.endsWith('.out') || relative.endsWith('.json'));
    expect(fixtures.length).toBeGreaterThan(5);
    for (const [relative] of fixtures) expect({ relative, state: await streamState(fixturePath(relative), 'go-test-json') }).toEqual({ relative, state: { complete: true } });
  });

  it('finds a go test -json stream unfinished while a package has not ended, or its last line is cut', async () => {
    expect(await streamState(cut(GO_STREAM, firstLines(49)), 'go-test-json')).toEqual({
      complete: false,
      reason: 'package gotest.tools/gotestsum/testjson/internal/good has no pass/fail/skip event yet',
    });
    // Between two packages every package seen has ended: nothing says more will come.
    expect(await streamState(cut(GO_STREAM, firstLines(7)), 'go-test-json')).toEqual({ complete: true });
    expect(await streamState(cut(GO_STREAM, (text) => text.slice(0, text.indexOf('"Action":"fail"'))), 'go-test-json')).toEqual({
      complete: false,
      reason: 'its last line is cut short',
    });
  });

  it('finds a TAP stream complete when its plan is met or it bailed out', async () => {
    const states = async (names: string[], format: TestReportFormat = 'tap') =>
      Promise.all(names.map(async (name) => [name, await streamState(fixturePath(`tap/tap-parser/${name}`), format)]));
    expect(await states(['combined.tap', 'bailout.tap', 'descriptive_trailing.tap'])).toEqual([
      ['combined.tap', { complete: true }],
      ['bailout.tap', { complete: true }],
      ['descriptive_trailing.tap', { complete: true }],
    ]);
    expect(await states(['unfinished.tap', 'no-plan.tap'])).toEqual([
      ['unfinished.tap', { complete: false, reason: 'plan 1..5 but 2 test point(s) so far' }],
      ['no-plan.tap', { complete: false, reason: 'no plan ("1..N") after 4 test point(s)' }],
    ]);
    expect(await streamState(cut('tap/tap-parser/combined.tap', firstLines(5)), 'tap')).toEqual({ complete: false, reason: 'plan 1..10 but 4 test point(s) so far' });
  });

  it('finds a Dart JSON stream complete at its "done" event', async () => {
    const dart = 'dart-json/dorny/dart-json.json';
    expect(await streamState(fixturePath(dart), 'dart-json')).toEqual({ complete: true });
    const withoutDone = cut(dart, (text) => text.split('\n').filter((line) => !line.includes('"type":"done"')).join('\n'));
    expect(await streamState(withoutDone, 'dart-json')).toEqual({ complete: false, reason: 'no "done" event yet' });
  });

  it('leaves other formats and unreadable files to ingestion', async () => {
    expect(await streamState(fixturePath(GO_STREAM), 'junit-xml')).toEqual({ complete: true });
    expect(await streamState(join(tempDir(), 'gone.json'), 'go-test-json')).toEqual({ complete: true });
  });
});
