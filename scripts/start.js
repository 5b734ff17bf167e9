// `npm start`: builds the app, then opens the desktop app, or, where the Electron binary could
// not be installed, serves the same UI to the browser with `vigil serve` (which prints the URL).
// Arguments after `npm start --` go to `vigil serve` (e.g. `--port 5123`).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

function runToEnd(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  // A terminal's Ctrl+C reaches the child by itself; a SIGTERM sent to this process alone is
  // passed on, so the app or the server can close its store cleanly.
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (error) => {
    console.error(`vigil: cannot start ${command}: ${error.message}`);
    process.exitCode = 1;
  });
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('vigil: the build failed (see above); nothing to start.');
  process.exit(build.status ?? 1);
}

const electron = electronBinaryPath();
if (electron) {
  // ELECTRON_RUN_AS_NODE, if inherited from a tool, would turn the app into a plain node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runToEnd(electron, ['.'], env);
} else {
  console.log('vigil: the Electron binary is not installed, so the UI is served to your browser instead; open the URL below.');
  runToEnd(process.execPath, [join(root, 'bin', 'vigil.js'), 'serve', ...process.argv.slice(2)]);
}
