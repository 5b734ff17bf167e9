// `vigil watch DIR... [--project NAME] [--json]`: watches the folders and ingests each report
// once its runner has finished writing it; one line per event until SIGINT/SIGTERM.
import { resolve } from 'node:path';
import type { Command, ParsedArgs } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from '../cli-io.js';
import { printEvent } from '../format-event.js';
import { openCliEngine } from '../open-cli-engine.js';
import { keepAliveUntil, waitForTermination } from '../termination-signal.js';

export const WATCH_USAGE = 'vigil watch DIR... [--project NAME] [--polling] [--import-existing] [--db PATH] [--json]';

export interface WatchControls {
  /** Resolves when watching should stop; defaults to the first SIGINT or SIGTERM. */
  stop?: Promise<unknown>;
  /** Called once every folder has a status (the "watching" line is on stderr by then). */
  onReady?: () => void;
}

export async function runWatch(args: ParsedArgs, io: CliIo, controls: WatchControls = {}): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('watch needs at least one DIR');
  const json = args.values.json === true;
  const project = typeof args.values.project === 'string' ? args.values.project : undefined;
  const dirs = [...new Set(args.positionals.map((dir) => resolve(dir)))];
  const engine = openCliEngine(args);
  // Listening for the signal from here on: Ctrl+C while the folders are being set up still
  // closes the store properly.
  const termination = controls.stop ? { signal: controls.stop, dispose: () => undefined } : waitForTermination();
  let failed = false;
  const unsubscribe = engine.onEvent((event) => {
    if (event.type === 'didFailFile') failed = true;
    printEvent(io, event, json);
  });
  try {
    for (const dir of dirs) {
      // The folder is stored with its project, so the desktop app and `vigil serve` watch it too.
      const { added } = await engine.addWatchFolder({ path: dir, project, polling: args.values.polling === true ? true : undefined });
      if (added && args.values['import-existing'] !== true) {
        io.stderr.write(`vigil watch: ${dir}: reports already in this folder are not imported; pass --import-existing (or run \`vigil ingest ${dir}\`) to import them\n`);
      }
    }
    await engine.startWatching({ only: dirs });
    // After watching has started, so nothing written meanwhile falls between the two.
    if (args.values['import-existing'] === true) for (const dir of dirs) await engine.importExisting({ path: dir });
    io.stderr.write(`vigil watch: watching ${dirs.length} folder(s) into ${engine.dbPath}; press Ctrl+C to stop\n`);
    controls.onReady?.();
    await keepAliveUntil(termination.signal);
  } finally {
    termination.dispose();
    await engine.stopWatching();
    unsubscribe();
    engine.close();
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}

export const watchCommand: Command = {
  name: 'watch',
  usage: WATCH_USAGE,
  summary: 'Watch folders and ingest each report when its runner has finished writing it (until Ctrl+C)',
  options: { ...COMMON_OPTIONS, project: { type: 'string' }, polling: { type: 'boolean' }, 'import-existing': { type: 'boolean' } },
  run: (args, io) => runWatch(args, io),
};
