// Electron's own postinstall downloads its binary from the web. package.json `allowScripts`
// blocks it so that `npm install` succeeds where that download is impossible; we try it here
// instead and explain in one line when it fails. Everything but the desktop shell works without it.
// With the binary present, better-sqlite3 is also built for Electron's ABI (electron-native.js).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.js';
import { buildElectronNative } from './electron-native.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

function electronInstallScript() {
  try {
    return require.resolve('electron/install.js');
  } catch (error) {
    // electron is a devDependency: a production install has none, and that is fine.
    if (error && error.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

const script = electronInstallScript();
if (script && !electronBinaryPath()) {
  const result = spawnSync(process.execPath, [script], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
    encoding: 'utf8',
  });
  if (result.status === 0 && electronBinaryPath()) {
    console.log('vigil: Electron binary downloaded; `npm start` opens the desktop app.');
  } else {
    const reason = (result.error?.message ?? result.stderr ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|timed out/i.test(line));
    console.log(
      `vigil: the Electron binary could not be downloaded${reason ? ` (${reason.slice(0, 160)})` : ''}; ` +
        '`npm start` will serve the UI to your browser instead.',
    );
  }
}

if (script && electronBinaryPath()) {
  const native = buildElectronNative(root);
  if (!native.ok) {
    console.log(
      `vigil: could not build better-sqlite3 for Electron (${native.reason}); ` +
        'the desktop app cannot open its store until `npm rebuild` succeeds.',
    );
  }
}
