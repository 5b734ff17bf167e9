#!/usr/bin/env node
// The `vigil` command (package.json bin). The CLI is built with the rest of the app by
// `npm run build` into out/main/cli.js; this file only starts it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('vigil: not built yet: run `npm run build` in the Vigil checkout first\n');
  process.exit(2);
}
const argv = process.argv.slice(2);
// `vigil ingest` parses a large report on a worker thread. Started now, before the CLI loads, the
// thread's own start-up (~0.1 s) runs beside the CLI's instead of after it; unused, it is dropped.
const parseWorker = new URL('../out/main/parse-worker.js', import.meta.url);
let spareParseWorker = null;
if (argv[0] === 'ingest' && existsSync(fileURLToPath(parseWorker))) {
  const { Worker } = await import('node:worker_threads');
  spareParseWorker = new Worker(parseWorker, { workerData: { spare: true } });
  spareParseWorker.unref();
  // Without a listener a failed start would crash the CLI. It is not hidden: the CLI then starts
  // a new worker for the report, whose failure the ingest reports (or reads the report whole).
  spareParseWorker.once('error', () => {});
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr }, { spareParseWorker });
