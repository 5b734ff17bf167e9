// OS file events (inotify, FSEvents, ReadDirectoryChangesW) do not report changes made by other
// machines on a network share, nor, often, changes made on the host side of a container or VM
// mount. Folders on such file systems are polled instead. Detection reads Linux's mount table;
// elsewhere the user chooses polling per folder (`--polling`).
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

/** File system types whose changes OS events may miss. */
const POLLED_FS_TYPES = new Set([
  'nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'ncpfs', 'afs', 'ceph', 'glusterfs', 'lustre', 'gpfs', 'beegfs',
  '9p', 'virtiofs', 'vboxsf', 'vmhgfs', 'prl_fs', 'drvfs', 'davfs',
  'fuse.sshfs', 'fuse.rclone', 'fuse.s3fs', 'fuse.gcsfuse', 'fuse.vmhgfs-fuse', 'fuse.grpcfuse', 'fakeowner',
]);

/** `\040` and friends: how mountinfo writes spaces and other special characters in paths. */
function unescapeMountPath(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

interface Mount {
  point: string;
  type: string;
}

export function parseMountInfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-');
    const point = fields[4];
    const type = fields[separator + 1];
    if (separator < 0 || point === undefined || type === undefined) continue;
    mounts.push({ point: unescapeMountPath(point), type });
  }
  return mounts;
}

/** The file system type of the mount holding `path`. */
export function mountTypeOf(path: string, mounts: readonly Mount[]): string | null {
  let best: Mount | null = null;
  for (const mount of mounts) {
    const inside = path === mount.point || mount.point === '/' || path.startsWith(mount.point + sep);
    if (inside && (best === null || mount.point.length > best.point.length)) best = mount;
  }
  return best?.type ?? null;
}

/** The network or shared file system type holding `path` (e.g. "nfs4"), or null when OS events work. */
export async function pollingFsType(path: string): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  const real = await realpath(path).catch((error: NodeJS.ErrnoException) => error);
  const text = await readFile('/proc/self/mountinfo', 'utf8').catch((error: NodeJS.ErrnoException) => error);
  // Without a resolvable path or a mount table (a restricted /proc) we cannot tell: OS events.
  if (real instanceof Error || text instanceof Error) return null;
  const type = mountTypeOf(real, parseMountInfo(text));
  return type !== null && POLLED_FS_TYPES.has(type) ? type : null;
}
