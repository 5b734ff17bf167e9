import { openEngine, type Engine } from '../engine/engine.js';
import { resolveDbPath } from '../engine/store/default-db-path.js';
import type { ParsedArgs } from './command.js';

export function openCliEngine(args: ParsedArgs): Engine {
  const db = typeof args.values.db === 'string' ? args.values.db : undefined;
  return openEngine({ dbPath: resolveDbPath(db) });
}

/** Runs `body` with an engine and always closes it, so the WAL is checkpointed on exit. */
export async function withEngine<T>(args: ParsedArgs, body: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = openCliEngine(args);
  try {
    return await body(engine);
  } finally {
    engine.close();
  }
}
