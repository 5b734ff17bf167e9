// Is a watched folder there and readable? Asked when watching starts, on every health check
// and whenever the watcher reports trouble, so that each problem becomes a status of the folder.
import { opendir, stat } from 'node:fs/promises';

export type Probe =
  | { kind: 'ok'; dev: number; ino: number }
  | { kind: 'missing' | 'unreadable' | 'error'; message: string };

export async function probeFolder(path: string): Promise<Probe> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) return fromError(info, 'cannot look at the folder');
  if (!info.isDirectory()) return { kind: 'error', message: 'not a folder' };
  // stat succeeds on a folder we may not list; reading one entry is the real test, and cheap
  // even in a folder of thousands of files.
  const listed = await opendir(path)
    .then(async (dir) => {
      await dir.read();
      await dir.close();
      return null;
    })
    .catch((error: NodeJS.ErrnoException) => error);
  if (listed instanceof Error) return fromError(listed, 'cannot read the folder');
  return { kind: 'ok', dev: info.dev, ino: info.ino };
}

function fromError(error: NodeJS.ErrnoException, what: string): Probe {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'missing', message: 'folder does not exist (deleted, renamed or not mounted); watching for it to come back' };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'unreadable', message: `permission denied (${error.code}); watching again once it is readable` };
    default:
      return { kind: 'error', message: `${what} (${error.code ?? error.message})` };
  }
}
