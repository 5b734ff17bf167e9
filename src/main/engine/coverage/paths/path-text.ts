// Plain path text, the same on every OS: reports written on Windows use backslashes and drive
// letters; we compare and store '/'-separated paths.
import { posix } from 'node:path';

export function toSlashes(path: string): string {
  const trimmed = path.trim();
  const local = trimmed.startsWith('file://') ? trimmed.slice(7) : trimmed;
  return local.includes('\\') ? local.replace(/\\/g, '/') : local;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/** Normalised relative path: no "./", no "a/../", no trailing slash. */
export function cleanRelative(path: string): string {
  // Most paths are already clean; normalising them is the cost of every file of a big report.
  if (!/(^|\/)\.\.?(\/|$)|\/\/|\/$/.test(path)) return path;
  const normal = posix.normalize(path).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

/** `path` relative to `root` when it lies inside it, else null. Both '/'-separated. */
export function insideRoot(path: string, root: string): string | null {
  const base = root.replace(/\/+$/, '');
  if (base === '' || !path.startsWith(`${base}/`)) return null;
  return cleanRelative(path.slice(base.length + 1));
}

/** The longest directory prefix ("a/b/") that every path shares; "" when none. */
export function commonDirectory(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? '';
  for (const path of paths) {
    while (prefix !== '' && !path.startsWith(prefix)) {
      prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
    }
  }
  return prefix;
}
