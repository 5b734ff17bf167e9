// The stored list of watched folders (table watched_folders, migration 0030). Live status is
// not stored: it belongs to the process that watches.
import type { Database, Statement } from 'better-sqlite3';

export interface StoredFolder {
  path: string;
  project: string | null;
  polling: boolean;
  addedAtMs: number;
  importedAtMs: number | null;
}

interface FolderRow {
  path: string;
  project: string | null;
  polling: number;
  added_at: number;
  imported_at: number | null;
}

function fromRow(row: FolderRow): StoredFolder {
  return { path: row.path, project: row.project, polling: row.polling === 1, addedAtMs: row.added_at, importedAtMs: row.imported_at };
}

export class WatchedFolderStore {
  private readonly all: Statement;
  private readonly one: Statement;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly remove: Statement;
  private readonly imported: Statement;

  constructor(db: Database) {
    this.all = db.prepare(`SELECT path, project, polling, added_at, imported_at FROM watched_folders ORDER BY path`);
    this.one = db.prepare(`SELECT path, project, polling, added_at, imported_at FROM watched_folders WHERE path = ?`);
    this.insert = db.prepare(`INSERT INTO watched_folders (path, project, polling, added_at) VALUES (?, ?, ?, ?)`);
    this.update = db.prepare(`UPDATE watched_folders SET project = ?, polling = ? WHERE path = ?`);
    this.remove = db.prepare(`DELETE FROM watched_folders WHERE path = ?`);
    this.imported = db.prepare(`UPDATE watched_folders SET imported_at = ? WHERE path = ?`);
  }

  list(): StoredFolder[] {
    return (this.all.all() as FolderRow[]).map(fromRow);
  }

  get(path: string): StoredFolder | null {
    const row = this.one.get(path) as FolderRow | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Stores the folder. When it is already stored, a project or polling given again replaces the
   * stored one (adding a folder again with another --project is how a user changes it); what is
   * not given is kept, so `vigil watch DIR` does not forget an earlier `--project`.
   */
  upsert(path: string, change: { project?: string; polling?: boolean }, nowMs: number): { folder: StoredFolder; added: boolean } {
    const existing = this.get(path);
    if (existing) {
      const folder = { ...existing, project: change.project ?? existing.project, polling: change.polling ?? existing.polling };
      this.update.run(folder.project, folder.polling ? 1 : 0, path);
      return { folder, added: false };
    }
    const folder: StoredFolder = { path, project: change.project ?? null, polling: change.polling ?? false, addedAtMs: nowMs, importedAtMs: null };
    this.insert.run(path, folder.project, folder.polling ? 1 : 0, nowMs);
    return { folder, added: true };
  }

  delete(path: string): boolean {
    return this.remove.run(path).changes > 0;
  }

  markImported(path: string, nowMs: number): void {
    this.imported.run(nowMs, path);
  }
}
