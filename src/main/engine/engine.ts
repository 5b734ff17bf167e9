// The engine facade: the one object the desktop app, the CLI, `vigil serve` and the tests use.
// It implements EngineApi (src/shared/types.ts) over a store on disk.
import type { EngineApi } from '../../shared/types.js';

export interface EngineOptions {
  /** Path of the SQLite file; created with its folder when missing. */
  dbPath: string;
}

export interface Engine extends EngineApi {
  readonly dbPath: string;
  close(): void;
}
