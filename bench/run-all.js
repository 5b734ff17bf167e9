#!/usr/bin/env node
// `npm run bench`: makes the benchmark input when it is missing (it is gitignored and
// deterministic, so regenerating gives the same bytes), then runs the ingest benchmark.
// Arguments after `--` go to the ingest benchmark, e.g. npm run bench -- --skip-allure
import { existsSync } from 'node:fs';
import { DEFAULT_OUT, DEFAULT_SEED, generate } from './generate-junit.js';
import { DEFAULT_FILE, runIngestBench } from './ingest.bench.js';

if (!existsSync(DEFAULT_FILE) || !existsSync(`${DEFAULT_FILE}.expected.json`)) {
  console.error(`generating ${DEFAULT_OUT} ...`);
  const made = generate(100_000, DEFAULT_FILE, DEFAULT_SEED);
  console.error(`  ${(made.bytes / 1e6).toFixed(1)} MB, ${made.tests} tests`);
}
process.exitCode = await runIngestBench(process.argv.slice(2));
