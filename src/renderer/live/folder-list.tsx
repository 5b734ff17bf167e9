import type { WatchedFolder } from '../../shared/types.js';
import { useAppStore } from '../app/app-store.js';

const STATUS_LABEL: Record<WatchedFolder['status'], string> = {
  starting: 'starting',
  ok: 'watching',
  missing: 'missing',
  unreadable: 'unreadable',
  error: 'error',
  'not-watched': 'not watched',
};

export function FolderStatus({ folder }: { folder: WatchedFolder }) {
  return <span className={`badge folder-${folder.status}`}>{STATUS_LABEL[folder.status]}</span>;
}

export function FolderList({ folders }: { folders: readonly WatchedFolder[] | null }) {
  const go = useAppStore((s) => s.go);
  if (folders === null) return <p className="muted placeholder-line">Loading folders…</p>;
  if (folders.length === 0) {
    return (
      <p className="muted placeholder-line">
        No folder is watched.{' '}
        <button type="button" className="link" onClick={() => go('settings')}>
          Add one in Settings
        </button>{' '}
        and each run its test runner writes there shows up here the moment it lands.
      </p>
    );
  }
  return (
    <ul className="folder-list">
      {folders.map((folder) => (
        <li key={folder.path} className="folder-row">
          <FolderStatus folder={folder} />
          <span className="mono folder-path" title={folder.path}>
            {folder.path}
          </span>
          <span className="muted">{folder.project ? `→ ${folder.project}` : 'each report\'s own project'}</span>
          {folder.message && <span className="muted folder-message">{folder.message}</span>}
        </li>
      ))}
    </ul>
  );
}
