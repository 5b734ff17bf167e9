import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Vigil';

/** The app's user-data folder, the same one Electron's app.getPath('userData') gives. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--db` wins, then $VIGIL_DB, then vigil.db in the user-data folder. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.VIGIL_DB ?? join(userDataDir(env), 'vigil.db');
}
