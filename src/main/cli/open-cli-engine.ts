import { openEngine, type Engine } from '../engine/engine.js';
import { builtParseWorker } from '../engine/ingest/stream/parse-worker-factory.js';
import { resolveDbPath } from '../engine/store/default-db-path.js';
import type { CliContext, ParsedArgs } from './command.js';

export function openCliEngine(args: ParsedArgs, context: CliContext = {}): Engine {
  const db = typeof args.values.db === 'string' ? args.values.db : undefined;
  const spare = context.spareParseWorker ?? null;
  return openEngine({ dbPath: resolveDbPath(db), ...(spare ? { parseWorker: builtParseWorker(spare) } : {}) });
}

/** Runs `body` with an engine and always closes it, so the WAL is checkpointed on exit. */
export async function withEngine<T>(args: ParsedArgs, body: (engine: Engine) => Promise<T>, context: CliContext = {}): Promise<T> {
  const engine = openCliEngine(args, context);
  try {
    return await body(engine);
  } finally {
    engine.close();
  }
}
