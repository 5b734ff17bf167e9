import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState, visibleOnSomeDisplay, type WindowState } from './window-state.js';

export interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  url: string;
}

export function createMainWindow({ preloadPath, stateFile, url }: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(stateFile);
  const onScreen = visibleOnSomeDisplay(saved, screen.getAllDisplays().map((display) => display.workArea));
  const win = new BrowserWindow({
    width: saved.width,
    height: saved.height,
    ...(onScreen ? { x: saved.x, y: saved.y } : {}),
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Vigil',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would open it in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Saved when the window closes (not on every move), from the restored bounds so that a
  // maximised window comes back maximised over its normal size.
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...DEFAULT_WINDOW_STATE, ...bounds, maximized: win.isMaximized() };
    try {
      saveWindowState(stateFile, state);
    } catch (error) {
      // Losing the window size is no reason to stop the window from closing; log and go on.
      console.error(`vigil: cannot remember the window size in ${stateFile}: ${(error as Error).message}`);
    }
  });

  void win.loadURL(url);
  return win;
}

export function windowStateFile(userData: string): string {
  return join(userData, 'window-state.json');
}
