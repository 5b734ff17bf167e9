// Electron's own postinstall downloads its binary from the web. package.json `allowScripts`
// blocks it so that `npm install` succeeds where that download is impossible; we try it here
// instead and explain in one line when it fails. Everything but the desktop shell works without it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronInstallScript() {
  try {
    return require.resolve('electron/install.js');
  } catch (error) {
    // electron is a devDependency: a production install has none, and that is fine.
    if (error && error.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

function electronBinaryPresent() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path);
  } catch (error) {
    // electron/index.js throws when its binary was never downloaded: that is what we test for.
    return false;
  }
}

const script = electronInstallScript();
if (script && !electronBinaryPresent()) {
  const result = spawnSync(process.execPath, [script], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
    encoding: 'utf8',
  });
  if (result.status === 0 && electronBinaryPresent()) {
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
