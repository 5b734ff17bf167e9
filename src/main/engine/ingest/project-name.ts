import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export const PROJECT_MARKERS = ['.git', 'package.json', 'pyproject.toml', 'go.mod', 'pom.xml'] as const;

export interface ProjectGuess {
  name: string;
  root: string | null;
}

/**
 * The project of a report (CLI.md): the nearest folder above it holding a project marker,
 * else the report's folder name. Cached per folder: a batch holds many reports of one tree.
 */
export class ProjectResolver {
  private readonly cache = new Map<string, string | null>();

  forReport(reportPath: string): ProjectGuess {
    const folder = dirname(reportPath);
    const root = this.rootOf(folder);
    return root ? { name: basename(root), root } : { name: basename(folder), root: null };
  }

  private rootOf(folder: string): string | null {
    const cached = this.cache.get(folder);
    if (cached !== undefined) return cached;
    let root: string | null;
    if (PROJECT_MARKERS.some((marker) => existsSync(`${folder}/${marker}`))) root = folder;
    else {
      const parent = dirname(folder);
      root = parent === folder ? null : this.rootOf(parent);
    }
    this.cache.set(folder, root);
    return root;
  }
}
