#!/usr/bin/env node
// How a run that grows keeps to the watch budget (PRODUCT.md: a closed report shows within
// 500 ms, median): a Surefire-style run writes one TEST-*.xml per class, GAP ms apart, into a
// folder `vigil watch --json` watches; each late class file joins the stored run, which is then
// assembled again and replaced. Measures close() of each file to its RUN line, per file, so a cost
// that grows with the run shows as rising latency.
// Usage: node bench/watch-join.bench.js [--classes 300] [--gap-ms 500] [--tests 10] [--out bench/data/watch-join-results.json]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineFacts } from './lib/machine.js';
import { median } from './lib/measure.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function classReport(index, tests, startedAt) {
  const cases = Array.from({ length: tests }, (_, i) => `<testcase classname="com.acme.C${index}Test" name="case${i}" time="0.03"/>`).join('');
  const timestamp = new Date(startedAt).toISOString().slice(0, 19);
  return `<?xml version="1.0"?><testsuite name="com.acme.C${index}Test" tests="${tests}" failures="0" errors="0" skipped="0" time="${(tests * 0.03).toFixed(2)}" timestamp="${timestamp}">${cases}</testsuite>`;
}

const { values } = parseArgs({
  options: {
    classes: { type: 'string', default: '300' }, 'gap-ms': { type: 'string', default: '500' }, tests: { type: 'string', default: '10' },
    out: { type: 'string', default: join(repoRoot, 'bench/data/watch-join-results.json') },
  },
});
const classes = Number(values.classes);
const gapMs = Number(values['gap-ms']);
const tests = Number(values.tests);
const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-join-'));
const reports = join(dir, 'target', 'surefire-reports');
mkdirSync(reports, { recursive: true });
const child = spawn(process.execPath, [join(repoRoot, 'bin/vigil.js'), 'watch', reports, '--db', join(dir, 'vigil.db'), '--json', '--project', 'grow'], { stdio: ['ignore', 'pipe', 'pipe'] });
const lines = [];
let pending = '';
child.stdout.on('data', (data) => {
  pending += data;
  for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
    lines.push({ at: performance.now(), run: JSON.parse(pending.slice(0, end)) });
    pending = pending.slice(end + 1);
  }
});
let watching = false;
child.stderr.on('data', (data) => {
  if (String(data).includes(': watching')) watching = true;
});
try {
  while (!watching) await sleep(20);
  const started = Date.now();
  const latencies = [];
  for (let index = 0; index < classes; index++) {
    // Written aside and renamed in, so the close() is one moment; the class's own start time
    // follows the previous class's, as Surefire's do.
    const aside = join(reports, `.class-${index}.tmp`);
    writeFileSync(aside, classReport(index, tests, started + index * gapMs));
    const seen = lines.length;
    const closedAt = performance.now();
    renameSync(aside, join(reports, `TEST-com.acme.C${index}Test.xml`));
    while (lines.length === seen) await sleep(2);
    latencies.push(lines[lines.length - 1].at - closedAt);
    const rest = gapMs - (performance.now() - closedAt);
    if (rest > 0) await sleep(rest);
  }
  const last = lines[lines.length - 1].run;
  if (last.totals.tests !== classes * tests) throw new Error(`the run holds ${last.totals.tests} tests, expected ${classes * tests}: the classes did not join one run`);
  const tenth = Math.max(1, Math.floor(classes / 10));
  const result = {
    date: new Date().toISOString(), machine: machineFacts(), classes, gapMs, testsPerClass: tests,
    medianMs: Number(median(latencies).toFixed(1)),
    firstTenthMedianMs: Number(median(latencies.slice(0, tenth)).toFixed(1)),
    lastTenthMedianMs: Number(median(latencies.slice(-tenth)).toFixed(1)),
    maxMs: Number(Math.max(...latencies).toFixed(1)),
    latenciesMs: latencies.map((ms) => Number(ms.toFixed(1))),
  };
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`watch-join: ${classes} class files of ${tests} tests, ${gapMs} ms apart, one run: median ${result.medianMs} ms, first tenth ${result.firstTenthMedianMs} ms, last tenth ${result.lastTenthMedianMs} ms, max ${result.maxMs} ms (budget 500 ms median)`);
} finally {
  child.kill('SIGINT');
  await new Promise((done) => child.once('exit', done));
  rmSync(dir, { recursive: true, force: true });
}
