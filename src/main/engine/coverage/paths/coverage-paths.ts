// File paths of coverage reports, made relative to the project root so that core/models.py is
// one file across runs, machines and formats:
// - an absolute path inside the project root loses the root;
// - a relative path is joined to the report's source roots (Cobertura <sources>), and kept
//   relative when there are none (coverage.py, c8 and Istanbul's lcov write root-relative paths);
// - an absolute path from another machine (a CI checkout) loses everything up to the folder that
//   has the project's name, or the longest tail that exists under the project root;
// - Go import paths lose the module path (go.mod at the root) or else the profile's common prefix.
// What cannot be placed is kept as written, '/'-separated.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cleanRelative, insideRoot, isAbsolutePath, toSlashes } from './path-text.js';

export interface PathContext {
  /** The project root (nearest folder with a project marker), else the run's folder. */
  readonly root: string;
  /** Does this absolute path exist? Injected by tests; cached by default. */
  readonly exists?: (path: string) => boolean;
}

export interface ReportPaths {
  /** Cobertura <sources>, as written. */
  readonly sourceRoots?: readonly string[];
  /** A prefix (ending in '/') to drop from every path first: a Go module path or common prefix. */
  readonly stripPrefix?: string;
}

/** Sources that are placeholders ("$GOMODCACHE") or junk ("--source") name no folder. */
function usableSource(source: string): boolean {
  return source !== '' && !source.includes('$') && !source.startsWith('-');
}

export class CoveragePaths {
  private readonly root: string;
  private readonly rootName: string;
  private readonly cache = new Map<string, boolean>();
  /** Foreign folders already placed (or not: null). */
  private readonly placedFolders = new Map<string, string | null>();

  constructor(private readonly context: PathContext) {
    this.root = toSlashes(context.root).replace(/\/+$/, '');
    this.rootName = basename(this.root);
  }

  normalise(raw: string, report: ReportPaths = {}): string {
    return this.forReport(report)(raw);
  }

  /** A normaliser for the paths of one report (its sources prepared once, not per file). */
  forReport(report: ReportPaths): (raw: string) => string {
    const sources = (report.sourceRoots ?? []).map(toSlashes).filter(usableSource);
    const strip = report.stripPrefix;
    return (raw) => {
      let path = toSlashes(raw);
      if (strip && path.startsWith(strip)) path = path.slice(strip.length);
      // `go test` outside a module names files "_/abs/path/file.go".
      if (path.startsWith('_/')) path = path.slice(1);
      if (isAbsolutePath(path)) return this.fromAbsolute(path) ?? path;
      return sources.length === 0 ? cleanRelative(path) : this.fromSources(path, sources);
    };
  }

  private fromSources(path: string, sources: string[]): string {
    const candidates = sources.map((source) => `${source.replace(/\/+$/, '')}/${path}`);
    if (candidates.length > 1) {
      // Several roots: the one where the file is.
      const present = candidates.find((candidate) => this.exists(isAbsolutePath(candidate) ? candidate : join(this.root, candidate)));
      if (present) return isAbsolutePath(present) ? (this.fromAbsolute(present) ?? present) : cleanRelative(present);
    }
    for (const candidate of candidates) {
      if (isAbsolutePath(candidate)) {
        const inside = insideRoot(candidate, this.root);
        if (inside !== null) return inside;
      }
    }
    const relative = candidates.find((candidate) => !isAbsolutePath(candidate));
    if (relative) return cleanRelative(relative);
    for (const candidate of candidates) {
      const placed = this.foreign(candidate);
      if (placed !== null) return placed;
    }
    return cleanRelative(path);
  }

  private fromAbsolute(path: string): string | null {
    return insideRoot(path, this.root) ?? this.foreign(path);
  }

  /**
   * An absolute path written on another machine, placed under this project root if we can. The
   * folder is placed once (every file of a report shares a few folders) and the name appended.
   */
  private foreign(path: string): string | null {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    let folder = this.placedFolders.get(path.slice(0, slash));
    if (folder === undefined) {
      folder = this.placeFolder(path.slice(0, slash));
      this.placedFolders.set(path.slice(0, slash), folder);
    }
    return folder === null ? null : folder === '' ? name : `${folder}/${name}`;
  }

  /** A foreign folder as a folder under the root ('' for the root itself), or null. */
  private placeFolder(folder: string): string | null {
    const segments = folder.split('/').filter((segment) => segment !== '' && !/^[A-Za-z]:$/.test(segment));
    const named: number[] = [];
    segments.forEach((segment, index) => {
      if (segment === this.rootName) named.push(index);
    });
    // /home/runner/work/shop/shop/src: try the last "shop" first, but take the one whose tail
    // exists here.
    for (const index of [...named].reverse()) {
      const tail = segments.slice(index + 1).join('/');
      if (tail !== '' && this.exists(join(this.root, tail))) return tail;
    }
    // The longest tail of the folder that exists here. The folder itself must be placed: the
    // root alone is no evidence (every project has a setup.py).
    for (let index = 1; index < segments.length; index += 1) {
      const tail = segments.slice(index).join('/');
      if (this.exists(join(this.root, tail))) return tail;
    }
    const last = named[named.length - 1];
    return last === undefined ? null : segments.slice(last + 1).join('/');
  }

  private exists(path: string): boolean {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const found = (this.context.exists ?? existsSync)(path);
    this.cache.set(path, found);
    return found;
  }
}
