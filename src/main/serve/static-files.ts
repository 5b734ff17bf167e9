// Maps a URL path to a file of the built UI, never to anything outside its folder: encoded
// separators, `..` segments, NUL bytes and symlinks pointing out are all refused.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'not-found' }
  | { kind: 'bad-path'; reason: string };

/** `pathname` as it came in the request URL (still percent-encoded). */
export function resolveStaticFile(root: string, pathname: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch (error) {
    // A malformed escape (`%E0%A4%A`) is the client's mistake, answered as such.
    return { kind: 'bad-path', reason: `malformed path (${(error as Error).message})` };
  }
  if (decoded.includes('\0')) return { kind: 'bad-path', reason: 'NUL in path' };
  if (decoded.includes('\\')) return { kind: 'bad-path', reason: 'backslash in path' };
  if (decoded.split('/').includes('..')) return { kind: 'bad-path', reason: 'path escapes the UI folder' };
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const base = resolve(root);
  const full = resolve(base, `.${wanted}`);
  if (!inside(base, full)) return { kind: 'bad-path', reason: 'path escapes the UI folder' };

  let real: string;
  let size: number;
  try {
    real = realpathSync(full);
    const stat = statSync(real);
    if (!stat.isFile()) return { kind: 'not-found' };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found' };
    throw error;
  }
  if (!inside(realpathSync(base), real)) return { kind: 'bad-path', reason: 'path escapes the UI folder' };
  return { kind: 'file', path: real, size };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
