#!/usr/bin/env node
// The coverage ingest budget (issue 3): a 5,000-file Cobertura report ingests in under 1 s, as a
// user running `vigil ingest` sees it: a fresh `node bin/vigil.js ingest FILE --db NEW.db --json`
// process each time (Node start-up, module loading, reading, storing). The bare streaming parse
// of the same file (bench/bare-parse.js) is measured beside it for scale. The input is
// generated (bench/generate-cobertura.js), deterministic, and checked: a fast run that lost
// lines would be a false figure.
// Usage: node bench/coverage.bench.js [--files 5000] [--runs 5] [--out bench/data/coverage-results.json]
// Needs `npm run build` first (bin/vigil.js starts out/main/cli.js).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_COBERTURA_SEED, generateCobertura } from './generate-cobertura.js';
import { machineFacts } from './lib/machine.js';
import { measureOnce, median, memoryMethod } from './lib/measure.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const COVERAGE_BUDGET_MS = 1000;

function check(stdout, expected) {
  const out = JSON.parse(stdout);
  const coverage = out.runs?.[0]?.coverage;
  const problems = [];
  if (out.errors?.length) problems.push(`errors: ${out.errors.map((error) => error.error).join('; ')}`);
  if (out.runs?.length !== 1) problems.push(`expected 1 run, got ${out.runs?.length}`);
  for (const field of ['linesCovered', 'linesValid', 'branchesCovered', 'branchesValid']) {
    if (coverage?.[field] !== expected[field]) problems.push(`${field} ${coverage?.[field]} != ${expected[field]}`);
  }
  return problems.join(', ') || null;
}

async function measure(label, runs, spec, verify, method) {
  const record = { label, runs: [], status: 'ok', note: '' };
  for (let index = 1; index <= runs; index += 1) {
    const { command, args } = spec(index);
    const result = await measureOnce(command, args, { cwd: repoRoot, env: process.env, timeoutMs: 120_000, method });
    const run = { wallMs: Number(result.wallMs.toFixed(1)), cpuS: result.cpuS === null ? null : Number(result.cpuS.toFixed(2)), maxRssKiB: result.maxRssKiB, exitCode: result.exitCode, loadAverage1m: Number(loadavg()[0].toFixed(2)) };
    record.runs.push(run);
    const problem = result.exitCode !== 0 ? `exit ${result.exitCode}: ${result.stderr.slice(-300)}` : verify(result.stdout);
    console.error(`  ${label} ${index}/${runs}: ${run.wallMs.toFixed(0)} ms, cpu ${run.cpuS ?? '?'} s, ${run.maxRssKiB === null ? '?' : (run.maxRssKiB / 1024).toFixed(0)} MiB, load ${run.loadAverage1m}${problem ? `, WRONG: ${problem}` : ''}`);
    if (problem) {
      Object.assign(record, { status: 'failed', note: problem });
      break;
    }
  }
  const ok = record.status === 'ok' ? record.runs : [];
  const rss = median(ok.map((run) => run.maxRssKiB));
  record.median = { wallMs: median(ok.map((run) => run.wallMs)), cpuS: median(ok.map((run) => run.cpuS)), maxRssMiB: rss === null ? null : Number((rss / 1024).toFixed(1)), loadAverage1m: median(ok.map((run) => run.loadAverage1m)) };
  record.best = { wallMs: ok.length ? Math.min(...ok.map((run) => run.wallMs)) : null };
  return record;
}

export async function runCoverageBench(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      files: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '5' },
      out: { type: 'string', default: join(repoRoot, 'bench/data/coverage-results.json') },
    },
  });
  const bin = join(repoRoot, 'bin/vigil.js');
  if (!existsSync(join(repoRoot, 'out/main/cli.js'))) throw new Error('not built: run npm run build first');
  const files = Number(values.files);
  const file = join(repoRoot, `bench/data/cobertura-${files / 1000}k/coverage.xml`);
  if (!existsSync(file) || !existsSync(`${file}.expected.json`)) {
    console.error(`generating ${relative(repoRoot, file)} ...`);
    await generateCobertura(files, file, DEFAULT_COBERTURA_SEED);
  }
  const expected = JSON.parse(readFileSync(`${file}.expected.json`, 'utf8'));
  readFileSync(file); // into the page cache, so no case pays for the disk
  const method = memoryMethod();
  console.error(`coverage bench: ${relative(repoRoot, file)} (${(expected.bytes / 1e6).toFixed(1)} MB, ${expected.files} files, ${expected.linesValid} lines), peak memory via ${method}`);
  const scratch = mkdtempSync(join(tmpdir(), 'vigil-coverage-bench-'));
  const runs = Number(values.runs);
  const cases = [];
  try {
    cases.push(await measure('bare streaming parse (saxes)', runs, () => ({ command: process.execPath, args: [join(repoRoot, 'bench/bare-parse.js'), file] }), () => null, method));
    // A new database every run: content already stored is not stored again.
    cases.push(
      await measure(
        'vigil ingest FILE --db NEW.db --json',
        runs,
        (index) => ({ command: process.execPath, args: [bin, 'ingest', file, '--project', 'bench', '--db', join(scratch, `run-${index}.db`), '--json'] }),
        (stdout) => check(stdout, expected),
        method,
      ),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const vigil = cases[1];
  const verdict = vigil?.status === 'ok' ? { limitMs: COVERAGE_BUDGET_MS, medianMs: vigil.median.wallMs, pass: vigil.median.wallMs < COVERAGE_BUDGET_MS } : { measured: false, reason: vigil?.note };
  const report = { date: new Date().toISOString(), machine: machineFacts(), memoryMethod: method, file: { path: relative(repoRoot, file), ...expected }, cases, verdict };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  const fixed = (value) => (typeof value === 'number' ? value.toFixed(0) : '–');
  console.log(
    [
      '| what | runs | wall, median (ms) | wall, best (ms) | CPU user+sys, median (s) | peak RSS, median (MiB) | load avg (1 min) | note |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...cases.map(
        (c) =>
          `| ${c.label} | ${c.runs.length} | ${fixed(c.median.wallMs)} | ${fixed(c.best.wallMs)} | ${c.median.cpuS ?? '–'} | ${fixed(c.median.maxRssMiB)} | ${c.median.loadAverage1m ?? '–'} | ${c.status === 'ok' ? '' : c.note} |`,
      ),
      '',
      verdict.pass === undefined ? `not measured: ${verdict.reason}` : `budget < ${COVERAGE_BUDGET_MS} ms: median ${fixed(verdict.medianMs)} ms, ${verdict.pass ? 'PASS' : 'FAIL'}`,
      `written: ${relative(repoRoot, resolve(values.out))}`,
    ].join('\n'),
  );
  return cases.some((c) => c.status !== 'ok') || !verdict.pass ? 1 : 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = await runCoverageBench();
