#!/usr/bin/env node
// Writes the deterministic JUnit XML that the ingest benchmark reads (see bench/README.md):
// ~1000 suites, N test cases, 5% failures with 40-line traces, ~1% errors, ~2% skipped, 30% with
// captured output. Same --tests and --seed give the same bytes on every machine.
// Usage: node bench/generate-junit.js [--tests 100000] [--out bench/data/junit-100k.xml] [--seed N]
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from './lib/prng.js';
import { STATUS, planRun } from './lib/junit-plan.js';
import { makeSuite, makeTestName } from './lib/junit-names.js';
import { pickFailureKind } from './lib/junit-failures.js';
import { javaTrace, pythonTrace } from './lib/junit-traces.js';
import { capturedOutput } from './lib/junit-output.js';
import { escapeAttr as attr, escapeText as text } from './lib/xml-escape.js';

export const DEFAULT_OUT = 'bench/data/junit-100k.xml';
export const DEFAULT_SEED = 20261121;
// Failures carry 40-line traces (the budget's case); errors, mostly setup errors, shorter ones.
const TRACE_LINES = { failure: 40, error: 20 };
const START_MS = Date.UTC(2026, 10, 21, 9, 0, 0);
const FLUSH_CHARS = 4 * 1024 * 1024;

const seconds = (ms) => (ms / 1000).toFixed(3);

function renderProblem(rng, suite, name, tag) {
  const kind = pickFailureKind(rng, suite.lang);
  let message = kind.message(rng);
  // pytest reports fixture/setup errors as <error message="failed on setup with ...">.
  if (tag === 'error' && suite.lang === 'python') message = `failed on setup with "${message}"`;
  const body = suite.lang === 'python'
    ? pythonTrace(rng, suite, name, kind, TRACE_LINES[tag])
    : javaTrace(rng, suite, kind, message, TRACE_LINES[tag]);
  return `<${tag} message="${attr(message)}" type="${attr(kind.type)}">${text(body)}</${tag}>`;
}

function renderCase(rng, plan, index, suite, ordinal, clockMs) {
  const name = makeTestName(rng, suite, ordinal);
  const open = `<testcase classname="${attr(suite.classname)}" name="${attr(name)}" file="${attr(suite.file)}" time="${seconds(plan.durationMs[index])}"`;
  const children = [];
  if (plan.status[index] === STATUS.failed) children.push(renderProblem(rng, suite, name, 'failure'));
  if (plan.status[index] === STATUS.errored) children.push(renderProblem(rng, suite, name, 'error'));
  if (plan.status[index] === STATUS.skipped) {
    const reason = rng.pick(['requires docker', 'flaky on CI: see #4821', 'not supported on "win32" & "darwin"', 'TODO <migrate>']);
    children.push(`<skipped type="pytest.skip" message="${attr(reason)}"/>`);
  }
  if (plan.hasOutput[index]) children.push(`<system-out>${text(capturedOutput(rng, suite, clockMs))}</system-out>`);
  return children.length === 0 ? `    ${open}/>\n` : `    ${open}>${children.join('')}</testcase>\n`;
}

function renderProperties(suite, index) {
  const props = suite.lang === 'python'
    ? [['python', '3.12.4'], ['platform', 'Linux-6.8.0-x86_64-with-glibc2.39'], ['plugins', 'xdist-3.6.1, cov-5.0.0'], ['CI', 'true'], ['worker', `gw${index % 2}`]]
    : [['java.version', '21.0.4'], ['os.name', 'Linux'], ['maven.version', '3.9.9'], ['file.encoding', 'UTF-8'], ['surefire.forkNumber', String((index % 2) + 1)]];
  return `    <properties>\n${props.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>\n`).join('')}    </properties>\n`;
}

export function generate(testCount, outPath, seed) {
  const plan = planRun(testCount, seed);
  const rng = createRng(seed ^ 0x5eed);
  mkdirSync(dirname(outPath), { recursive: true });
  const fd = openSync(outPath, 'w');
  let buffer = `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="vigil-bench" tests="${plan.totals.tests}" failures="${plan.totals.failed}" errors="${plan.totals.errored}" skipped="${plan.totals.skipped}" time="${seconds(plan.totals.timeMs)}">\n`;
  let index = 0;
  let clockMs = START_MS;
  plan.suiteSizes.forEach((size, suiteIndex) => {
    const suite = makeSuite(rng, suiteIndex);
    const counts = { failures: 0, errors: 0, skipped: 0, timeMs: 0 };
    let cases = '';
    for (let ordinal = 0; ordinal < size; ordinal += 1, index += 1) {
      cases += renderCase(rng, plan, index, suite, ordinal, clockMs);
      counts.failures += plan.status[index] === STATUS.failed ? 1 : 0;
      counts.errors += plan.status[index] === STATUS.errored ? 1 : 0;
      counts.skipped += plan.status[index] === STATUS.skipped ? 1 : 0;
      counts.timeMs += plan.durationMs[index];
    }
    const stamp = new Date(clockMs).toISOString();
    buffer += `  <testsuite name="${attr(suite.classname)}" timestamp="${suite.lang === 'python' ? stamp.replace('Z', '+00:00') : stamp.slice(0, 19)}" hostname="ci-runner-0${suiteIndex % 4}" time="${seconds(counts.timeMs)}" tests="${size}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">\n`;
    buffer += `${renderProperties(suite, suiteIndex)}${cases}  </testsuite>\n`;
    clockMs += counts.timeMs;
    if (buffer.length > FLUSH_CHARS) {
      writeSync(fd, buffer);
      buffer = '';
    }
  });
  writeSync(fd, `${buffer}</testsuites>\n`);
  closeSync(fd);
  const bytes = statSync(outPath).size;
  const { timeMs, ...counts } = plan.totals;
  const expected = { seed, bytes, suites: plan.suiteSizes.length, durationMs: timeMs, ...counts };
  // A sidecar with the counts the file must yield, so the benchmark can check an ingest kept everything.
  writeFileSync(`${outPath}.expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: { tests: { type: 'string', default: '100000' }, out: { type: 'string', default: DEFAULT_OUT }, seed: { type: 'string', default: String(DEFAULT_SEED) } },
  });
  const testCount = Number(values.tests);
  if (!Number.isInteger(testCount) || testCount < 1) throw new Error(`--tests must be a positive integer, got "${values.tests}"`);
  const started = process.hrtime.bigint();
  const result = generate(testCount, resolve(values.out), Number(values.seed));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`wrote ${values.out}: ${(result.bytes / 1e6).toFixed(1)} MB (${result.bytes} bytes), ${result.tests} tests in ${result.suites} suites: `
    + `${result.failed} failed, ${result.errored} errored, ${result.skipped} skipped, ${result.withOutput} with output (${ms.toFixed(0)} ms)`);
}
