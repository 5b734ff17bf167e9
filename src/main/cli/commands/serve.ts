// `vigil serve [--port N] [--host 127.0.0.1] [--db PATH]`: the UI and its API for a browser,
// backed by the same engine and store as the desktop app. The URL is the first line of stdout
// so that scripts (and scripts/start.js) can read it.
import { parseArgs } from 'node:util';
import { openEngine } from '../../engine/engine.js';
import { resolveDbPath } from '../../engine/store/default-db-path.js';
import { StoreError } from '../../engine/store/migrate.js';
import { loopbackBindAddress } from '../../serve/loopback.js';
import { findRendererDir } from '../../serve/renderer-dir.js';
import { startServer } from '../../serve/server.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, printError, type CliIo } from '../cli-io.js';

export const SERVE_USAGE = 'vigil serve [--port N] [--host 127.0.0.1] [--db PATH]';

export interface ServeControls {
  /** Resolves when the server should stop; defaults to the first SIGINT or SIGTERM. */
  stop?: Promise<unknown>;
  /** Where the built UI is; defaults to this checkout's out/renderer. */
  staticDir?: string;
}

export async function runServe(argv: string[], io: CliIo, controls: ServeControls = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string' },
        watch: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
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
  if (values.watch) {
    printError(io, null, 'serve --watch is not available yet; run `vigil ingest PATH` meanwhile');
    return EXIT_USAGE;
  }
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
  let server;
  try {
    server = await startServer({ engine, host: values.host, port, staticDir });
  } catch (error) {
    engine.close();
    printError(io, null, (error as Error).message);
    return EXIT_FAILED;
  }
  io.stdout.write(`${server.url}\n`);
  io.stderr.write(`vigil serve: store ${engine.dbPath}; press Ctrl+C to stop\n`);

  await (controls.stop ?? nextTerminationSignal());
  await server.close();
  engine.close();
  return EXIT_OK;
}

function nextTerminationSignal(): Promise<NodeJS.Signals> {
  return new Promise((stop) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
