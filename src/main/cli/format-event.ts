// How `vigil watch` (and `vigil serve --watch`) print engine events: one line each. With --json,
// stdout carries one RUN or error object per line (CLI.md); human text otherwise. Errors also go
// to stderr as one line naming the file, as in every command.
import type { EngineEvent } from '../../shared/types.js';
import { printError, type CliIo } from './cli-io.js';
import { runLine } from './format-run.js';

export function printEvent(io: CliIo, event: EngineEvent, json: boolean): void {
  switch (event.type) {
    case 'didIngestRun':
      if (json) io.stdout.write(`${JSON.stringify(event.run)}\n`);
      else if (event.run.replaces?.length) io.stdout.write(`replaced  ${event.run.replaces.join(', ')} by ${runLine(event.run)}\n`);
      else io.stdout.write(`stored    ${runLine(event.run)}\n`);
      for (const { path, warning } of json ? [] : (event.run.warnings ?? [])) io.stderr.write(`vigil watch: ${path}: ${warning}\n`);
      return;
    case 'didFailFile':
      if (json) io.stdout.write(`${JSON.stringify({ path: event.path, error: event.error })}\n`);
      printError(io, event.path, event.error);
      return;
    case 'didChangeFolderStatus': {
      const { folder } = event;
      const problem = folder.status === 'missing' || folder.status === 'unreadable' || folder.status === 'error';
      // A folder in trouble is an error object like a file's (with its status); recovery and
      // start-up are progress, for people only.
      if (json && problem) io.stdout.write(`${JSON.stringify({ path: folder.path, error: folder.message ?? folder.status, status: folder.status })}\n`);
      const label = folder.status === 'ok' ? 'watching' : folder.status;
      io.stderr.write(`vigil watch: ${folder.path}: ${label}${folder.message ? ` (${folder.message})` : ''}\n`);
      return;
    }
  }
}
