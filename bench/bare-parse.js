#!/usr/bin/env node
// The baseline of the ingest budget: the least any streaming reader of this file must do.
// It reads the file the way Vigil's ingest does (1 MiB chunks, validating UTF-8 decode) and
// feeds saxes, the parser Vigil uses, with Vigil's option (position tracking), counting
// <testcase> elements and nothing else. Vigil's ingest time is judged as a multiple of this.
// Usage: node bench/bare-parse.js FILE   (prints {"testcases": N} on stdout)
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

const CHUNK_BYTES = 1024 * 1024;
const path = process.argv[2];
if (!path) throw new Error('usage: node bench/bare-parse.js FILE');

const parser = new SaxesParser({ position: true });
let testcases = 0;
let parseError = null;
parser.on('opentag', (tag) => {
  if (tag.name === 'testcase') testcases += 1;
});
// saxes reports an error and carries on; keep the first so a broken file fails the baseline.
parser.on('error', (error) => {
  parseError ??= error;
});

const decoder = new TextDecoder('utf-8', { fatal: true });
for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
  parser.write(decoder.decode(chunk, { stream: true }));
  if (parseError) throw parseError;
}
parser.write(decoder.decode());
parser.close();
if (parseError) throw parseError;
process.stdout.write(`${JSON.stringify({ testcases })}\n`);
