// `vigil classify`: JSON Lines of failures on stdin, one classification line out per input
// line, in order (CLI.md). A line that is not a failure still gets its line out, with an
// `error` field, and one line on stderr; the exit status is then 1.
import type { ClassifyRequest, ClassifyResult } from '../../../shared/root-cause-types.js';
import { isPlainObject } from '../../../shared/arg-checks.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_FAILED, EXIT_OK, printError, type CliIo } from '../cli-io.js';
import { withEngine } from '../open-cli-engine.js';
import type { Engine } from '../../engine/engine.js';

/** Lines classified per engine call: bounded memory on endless input. */
const BATCH = 500;
const OPTIONAL_FIELDS = ['trace', 'output', 'name', 'framework'] as const;

type Parsed = { request: ClassifyRequest } | { id: string | null; error: string };

function parseLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `not JSON (${(error as Error).message})` };
  }
  if (!isPlainObject(value)) return { id: null, error: 'not a JSON object' };
  const id = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : null;
  if (id === null || id === '') return { id: null, error: '"id" (a string) is required' };
  if (typeof value.message !== 'string') return { id, error: '"message" (a string) is required' };
  const request: ClassifyRequest = { id, message: value.message };
  for (const field of OPTIONAL_FIELDS) {
    const text = value[field];
    if (text === undefined || text === null) continue;
    if (typeof text !== 'string') return { id, error: `"${field}" must be a string` };
    request[field] = text;
  }
  return { request };
}

async function* lines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  let pending = '';
  const decoder = new TextDecoder();
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let at = pending.indexOf('\n');
    while (at >= 0) {
      yield pending.slice(0, at);
      pending = pending.slice(at + 1);
      at = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield pending;
}

function writeResult(io: CliIo, json: boolean, result: ClassifyResult & { error?: string }): void {
  if (json) io.stdout.write(`${JSON.stringify(result)}\n`);
  else io.stdout.write(`${result.id}\t${result.category}\t${result.confidence.toFixed(2)}\t${result.error ?? result.evidence[0] ?? ''}\n`);
}

async function flush(engine: Engine, io: CliIo, json: boolean, batch: Parsed[]): Promise<void> {
  const requests = batch.flatMap((item) => ('request' in item ? [item.request] : []));
  const results = requests.length > 0 ? await engine.classifyFailures({ failures: requests }) : [];
  let next = 0;
  for (const item of batch) {
    if ('request' in item) {
      const result = results[next++];
      if (result) writeResult(io, json, result);
    } else {
      writeResult(io, json, { id: item.id ?? '', category: 'unknown', confidence: 0, evidence: [], error: item.error });
    }
  }
}

export const classifyCommand: Command = {
  name: 'classify',
  usage: 'vigil classify [--db PATH] [--json]   (stdin: JSON Lines {"id","message","trace","output","name","framework"})',
  summary: 'Classify failures read as JSON Lines on stdin; one line out per line in',
  options: { ...COMMON_OPTIONS },
  async run(args, io) {
    const json = args.values.json === true;
    let bad = 0;
    await withEngine(args, async (engine) => {
      let batch: Parsed[] = [];
      let lineNumber = 0;
      for await (const line of lines(io.stdin ?? process.stdin)) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const parsed = parseLine(line);
        if ('error' in parsed) {
          bad += 1;
          printError(io, `stdin line ${lineNumber}`, parsed.error);
        }
        batch.push(parsed);
        if (batch.length >= BATCH) {
          await flush(engine, io, json, batch);
          batch = [];
        }
      }
      await flush(engine, io, json, batch);
    });
    return bad > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
