// The main-process end of the IPC. A call is answered only when it comes from the UI's own
// top-level frame, names a method on the shared allow-list and carries arguments of that
// method's shape (src/shared/api-contract.ts); everything else is refused with one line.
// Engine events go the other way, to every window showing the UI.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatchCall } from '../../shared/api-contract.js';
import type { CallEnvelope } from '../../shared/engine-client.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc-channel.js';
import type { EngineApi, EngineEventSource } from '../../shared/types.js';
import { oneLine } from '../engine/readers/report-error.js';
import { errorStatus } from '../serve/error-status.js';
import { isUiUrl } from './app-origin.js';

export function registerEngineIpc(engine: EngineApi, uiOrigin: string): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<CallEnvelope> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isUiUrl(frame.url, uiOrigin)) {
      return { ok: false, error: 'refused: the call does not come from the Vigil UI' };
    }
    try {
      return { ok: true, value: await dispatchCall(engine, method, args) };
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      // The renderer gets the message. Refusals and "not found" are ordinary answers; anything
      // else is a fault whose stack stays here, where it can be read.
      if (errorStatus(error) >= 500) console.error(`vigil: ${String(method)}: ${error.stack ?? error.message}`);
      return { ok: false, error: oneLine(error.message) };
    }
  });
}

/**
 * Sends every engine event to each window whose page is the UI (never to a page that navigated
 * elsewhere). Returns the function that stops forwarding.
 */
export function forwardEngineEvents(events: EngineEventSource, uiOrigin: string): () => void {
  return events.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || !isUiUrl(contents.getURL(), uiOrigin)) continue;
      contents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
