import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built UI (out/renderer) of this checkout. Searched upwards from this module because the
 * bundler may place it in out/main/ or out/main/chunks/, and tests run it from src/.
 */
export function findRendererDir(fromUrl: string = import.meta.url): string | null {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'renderer', 'index.html')) && existsSync(join(dir, 'main'))) return join(dir, 'renderer');
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
