// better-sqlite3 in node_modules is built for Node's ABI, which Electron cannot load. This
// builds a second copy for Electron's ABI into .electron-native/better-sqlite3 (the desktop app
// passes its binary to the store as `nativeBinding`), leaving Node's copy for the CLI and tests.
// A prebuilt binary is tried first; compiling from source (node-gyp) is the fallback.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const require = createRequire(import.meta.url);

export const NATIVE_DIR = '.electron-native';

function nodeGypScript() {
  // npm tells its scripts where its bundled node-gyp is; outside npm, look beside npm itself.
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

// The most telling line of a failed tool's output: network trouble first (the usual cause
// here), then a compiler error, then the tool's own error line.
const TELLING = [/ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|timed out/i, /network connectivity/i, /\berror:/i, /ERR!.*error|error|fail/i];

function errorLine(result) {
  if (result.error) return result.error.message;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.replace(/^(gyp ERR! (stack )?|prebuild-install (warn|err!?) )/i, '').trim())
    .filter(Boolean);
  for (const pattern of TELLING) {
    const line = lines.find((candidate) => pattern.test(candidate));
    // node-gyp hides the network error itself behind this sentence.
    if (line && /network connectivity/i.test(line)) return 'network error while downloading the Electron headers';
    if (line) return line.slice(0, 160);
  }
  return (lines.at(-1) ?? `exit status ${result.status}`).slice(0, 160);
}

/**
 * Builds the Electron-ABI better-sqlite3 unless an up-to-date one is there.
 * Returns { ok: true } or { ok: false, reason: 'one line' }.
 */
export function buildElectronNative(root, { electronVersion } = {}) {
  const version = electronVersion ?? require('electron/package.json').version;
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const target = join(root, NATIVE_DIR, 'better-sqlite3');
  const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
  const stampFile = join(target, 'vigil-build.json');
  const stamp = JSON.stringify({ electron: version, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { ok: true };

  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, {
    recursive: true,
    // Node's build output must not be mistaken for Electron's.
    filter: (path) => {
      const rel = relative(source, path);
      return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
    },
  });

  const run = (args, timeout) =>
    spawnSync(process.execPath, args, { cwd: target, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  const attempts = [];
  const prebuilt = run(
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform],
    180_000,
  );
  if (prebuilt.status === 0 && existsSync(binary)) {
    writeFileSync(stampFile, stamp);
    return { ok: true };
  }
  attempts.push(`prebuilt: ${errorLine(prebuilt)}`);

  const gyp = nodeGypScript();
  if (gyp) {
    const compiled = run(
      [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      900_000,
    );
    if (compiled.status === 0 && existsSync(binary)) {
      writeFileSync(stampFile, stamp);
      return { ok: true };
    }
    attempts.push(`node-gyp: ${errorLine(compiled)}`);
  } else {
    attempts.push('node-gyp: not found');
  }
  return { ok: false, reason: attempts.join('; ') };
}
