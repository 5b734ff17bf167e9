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
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
