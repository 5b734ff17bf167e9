// The parse thread of bench/lib/pipeline-floor.js: the least a streaming JUnit ingest does per
// test before storing it, with nothing of Vigil's own code. It reads the file as the bare parse
// does (1 MiB chunks, strict UTF-8, saxes with positions), keeps each test's name, class, file,
// time, status, message and the texts of <failure>/<error>/<system-out>/<system-err>, gives it
// the stable identity Vigil's store needs (SHA-256 of suite, name and file; a Map so a repeat is
// seen) and lays it out as flat rows: 5 values for the tests table, 10 for results.
// stage 'parse': the rows are dropped every 500 tests; 'post' and 'store': posted to the main thread.
// What it leaves out, all of which Vigil must do: properties, timestamps, attempts and retries,
// repeats, paths made relative, the failures sent for classification, bounds on memory.
import { createHash, hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SaxesParser } from 'saxes';

const BATCH_TESTS = 500;
const { file, stage } = workerData;
const posts = stage !== 'parse';
const parser = new SaxesParser({ position: true });
let tests = [];
let results = [];
let count = 0;
const rowIds = new Map();
let suite = '';
let current = null;
let textField = null;
let text = '';

const appendText = (chunk) => { text += chunk; };
// A text handler only where text is kept: saxes then never cuts out the whitespace between tags.
function keepText(field) {
  textField = field;
  text = '';
  parser.on('text', appendText);
  parser.on('cdata', appendText);
}

parser.on('opentag', (tag) => {
  const attributes = tag.attributes;
  switch (tag.name) {
    case 'testsuite':
      suite = attributes.name ?? '';
      break;
    case 'testcase':
      current = { suite: attributes.classname ?? suite, name: attributes.name, file: attributes.file ?? null, durationMs: Number(attributes.time) * 1000, status: 'passed', message: null, trace: null, stdout: null, stderr: null };
      break;
    case 'failure':
    case 'error':
      if (!current) break;
      current.status = tag.name === 'failure' ? 'failed' : 'errored';
      current.message = attributes.message ?? null;
      keepText('trace');
      break;
    case 'skipped':
      if (!current) break;
      current.status = 'skipped';
      current.message = attributes.message ?? null;
      break;
    case 'system-out':
      if (current) keepText('stdout');
      break;
    case 'system-err':
      if (current) keepText('stderr');
      break;
  }
});

parser.on('closetag', (tag) => {
  if (textField && current && tag.name !== 'testcase') {
    current[textField] = text;
    textField = null;
    parser.off('text');
    parser.off('cdata');
    return;
  }
  if (tag.name !== 'testcase' || !current) return;
  const test = current;
  current = null;
  const id = `t_${hash('sha256', `${test.suite}\u0000${test.name}\u0000${test.file ?? ''}`).slice(0, 16)}`;
  if (rowIds.has(id)) throw new Error(`${file}: a repeated test (${test.suite} ${test.name}), which this floor does not handle`);
  const rowId = rowIds.size + 1;
  rowIds.set(id, rowId);
  tests.push(rowId, id, test.suite, test.name, test.file);
  results.push(rowId, count, test.status, test.durationMs, null, test.message, test.trace, test.stdout, test.stderr, 1);
  count += 1;
  if (count % BATCH_TESTS === 0) flush();
});

function flush() {
  if (posts) parentPort.postMessage({ tests, results });
  tests = [];
  results = [];
}

let parseError = null;
parser.on('error', (error) => { parseError ??= error; });
// The file's hash as Vigil's reader takes it while reading (the run's id and duplicate check).
const fileHash = createHash('sha256');
const decoder = new TextDecoder('utf-8', { fatal: true });
for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
  fileHash.update(chunk);
  parser.write(decoder.decode(chunk, { stream: true }));
  if (parseError) throw parseError;
}
parser.write(decoder.decode());
parser.close();
if (parseError) throw parseError;
flush();
parentPort.postMessage({ end: count, sha256: fileHash.digest('hex') });
