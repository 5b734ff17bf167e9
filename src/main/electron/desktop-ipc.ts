// The main-process end of DesktopApi (src/shared/desktop-contract.ts): the folder picker and the
// save dialog. Like the engine's IPC, a call is answered only for the UI's own top-level frame
// and only with arguments that pass the shared checks. The path written is always the one the
// user chose in the dialog, never one the page names.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { checkDesktopCall, IPC_DESKTOP_CHANNEL, type DesktopApi } from '../../shared/desktop-contract.js';
import type { CallEnvelope } from '../../shared/engine-client.js';
import { isUiUrl } from './app-origin.js';

export function registerDesktopIpc(uiOrigin: string): void {
  ipcMain.handle(IPC_DESKTOP_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<CallEnvelope> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isUiUrl(frame.url, uiOrigin)) {
      return { ok: false, error: 'refused: the call does not come from the Vigil UI' };
    }
    const refused = checkDesktopCall(method, args);
    if (refused) return { ok: false, error: refused };
    const win = BrowserWindow.fromWebContents(event.sender);
    try {
      const desktop = desktopApi(win);
      const value = method === 'pickFolder' ? await desktop.pickFolder() : await desktop.saveTextFile(args as Parameters<DesktopApi['saveTextFile']>[0]);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      return { ok: false, error: error.message.split('\n')[0] ?? 'error' };
    }
  });
}

function desktopApi(win: BrowserWindow | null): DesktopApi {
  return {
    async pickFolder() {
      const options: Electron.OpenDialogOptions = { title: 'Watch a folder for test reports', properties: ['openDirectory', 'createDirectory'] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async saveTextFile({ suggestedName, text }) {
      const options: Electron.SaveDialogOptions = {
        title: 'Save the report',
        defaultPath: suggestedName,
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      };
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      await writeFile(chosen.filePath, text, 'utf8');
      return { path: chosen.filePath };
    },
  };
}
