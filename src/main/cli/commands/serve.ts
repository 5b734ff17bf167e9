// `vigil serve [--port N] [--host 127.0.0.1] [--watch DIR...] [--db PATH]`: the UI and its API
// for a browser, backed by the same engine, store and watcher as the desktop app: it watches
// the stored folders and any given with --watch, and streams events to the page. The URL is the
// first line of stdout so that scripts (and scripts/start.js) can read it.
import { parseArgs } from 'node:util';
import { openEngine } from '../../engine/engine.js';
import { resolveDbPath } from '../../engine/store/default-db-path.js';
import { StoreError } from '../../engine/store/migrate.js';
import { loopbackBindAddress } from '../../serve/loopback.js';
import { findRendererDir } from '../../serve/renderer-dir.js';
import { startServer } from '../../serve/server.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, printError, type CliIo } from '../cli-io.js';
import { printEvent } from '../format-event.js';
import { keepAliveUntil, waitForTermination } from '../termination-signal.js';

export const SERVE_USAGE = 'vigil serve [--port N] [--host 127.0.0.1] [--watch DIR...] [--db PATH]';

export interface ServeControls {
  /** Resolves when the server should stop; defaults to the first SIGINT or SIGTERM. */
  stop?: Promise<unknown>;
  /** Where the built UI is; defaults to this checkout's out/renderer. */
  staticDir?: string;
}

export async function runServe(argv: string[], io: CliIo, controls: ServeControls = {}): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string' },
        watch: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      // `--watch a b` as well as `--watch a --watch b`: the words after --watch are more folders.
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    printError(io, null, `${(error as Error).message}; usage: ${SERVE_USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout.write(`${SERVE_USAGE}\nServe the UI and its API to a browser on a loopback address; prints the URL first.\n`);
    return EXIT_OK;
  }
  if (positionals.length > 0 && !values.watch) {
    printError(io, null, `unexpected argument '${positionals[0]}'; usage: ${SERVE_USAGE}`);
    return EXIT_USAGE;
  }
  const watchDirs = values.watch ? [...values.watch, ...positionals] : [];
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    printError(io, null, `--port must be a number from 0 to 65535, not '${values.port}'`);
    return EXIT_USAGE;
  }
  if (!loopbackBindAddress(values.host)) {
    printError(io, null, `--host must be a loopback address (127.0.0.1, ::1, localhost), not '${values.host}': the API can read local files`);
    return EXIT_USAGE;
  }
  const staticDir = controls.staticDir ?? findRendererDir();
  if (!staticDir) {
    printError(io, null, 'the UI is not built; run `npm run build` in the Vigil checkout first');
    return EXIT_FAILED;
  }

  let engine;
  try {
    engine = openEngine({ dbPath: resolveDbPath(values.db) });
  } catch (error) {
    // A store that cannot be opened is a failure to report, like in every other command.
    if (!(error instanceof StoreError)) throw error;
    printError(io, null, error.message);
    return EXIT_FAILED;
  }
  const termination = controls.stop ? { signal: controls.stop, dispose: () => undefined } : waitForTermination();
  // Events go to stderr: stdout's first line is the URL, and nothing else is promised there.
  const unsubscribe = engine.onEvent((event) => printEvent({ stdout: io.stderr, stderr: io.stderr }, event, false));
  let server;
  try {
    for (const dir of watchDirs) await engine.addWatchFolder({ path: dir });
    await engine.startWatching();
    server = await startServer({ engine, events: engine, host: values.host, port, staticDir });
  } catch (error) {
    termination.dispose();
    await engine.stopWatching();
    unsubscribe();
    engine.close();
    printError(io, null, (error as Error).message);
    return EXIT_FAILED;
  }
  io.stdout.write(`${server.url}\n`);
  const watched = (await engine.listWatchFolders()).length;
  io.stderr.write(`vigil serve: store ${engine.dbPath}; watching ${watched} folder(s); press Ctrl+C to stop\n`);

  await keepAliveUntil(termination.signal);
  termination.dispose();
  await engine.stopWatching();
  unsubscribe();
  await server.close();
  engine.close();
  return EXIT_OK;
}
