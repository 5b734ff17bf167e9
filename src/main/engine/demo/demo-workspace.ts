// The one-click demo of the first launch: real sample reports shipped in resources/demo (see its
// README for where each comes from), ingested as ordinary runs of two projects.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of resources/demo -> the project its runs belong to. */
export const DEMO_PROJECTS: readonly { folder: string; project: string }[] = [
  { folder: 'shop', project: 'demo' },
  { folder: 'calc', project: 'demo-coverage' },
];

/**
 * resources/demo of this checkout, searched upwards from this module: the bundler places it in
 * out/main/ or out/main/chunks/, and the tests run it from src/.
 */
export function findDemoDir(fromUrl: string = import.meta.url): string | null {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, 'resources', 'demo');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
