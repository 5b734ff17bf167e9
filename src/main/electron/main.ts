// The desktop app's main process: one window onto the engine, nothing else. All of the app's
// behaviour lives in the engine and the renderer; this file only wires them up securely.
import { app, BrowserWindow, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { openEngine, type Engine } from '../engine/engine.js';
import { resolveDbPath, userDataDir } from '../engine/store/default-db-path.js';
import { APP_ORIGIN, devServerUrl, uiOrigin } from './app-origin.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { installAppMenu } from './app-menu.js';
import { applyDevContentSecurityPolicy, hardenWebContents } from './harden.js';
import { registerDesktopIpc } from './desktop-ipc.js';
import { forwardEngineEvents, registerEngineIpc } from './ipc.js';
import { createMainWindow, windowStateFile } from './main-window.js';
import { electronNativeBinding } from './native-binding.js';
import { notifyRegressions } from './regression-notifier.js';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// The CLI finds the default store through userDataDir(); Electron would otherwise derive its
// own folder from package.json's lower-case name, and the two would keep different stores.
app.setPath('userData', userDataDir());

if (!app.requestSingleInstanceLock()) {
  // Another Vigil already has the store open: it is focused (below) and this one leaves.
  app.quit();
} else {
  registerAppScheme();
  let engine: Engine | null = null;
  let mainWindow: BrowserWindow | null = null;

  const devUrl = devServerUrl(app.isPackaged);
  const origin = uiOrigin(devUrl);

  const openWindow = (): void => {
    mainWindow = createMainWindow({
      preloadPath,
      stateFile: windowStateFile(app.getPath('userData')),
      url: devUrl ?? `${APP_ORIGIN}/index.html`,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    engine?.close();
    engine = null;
  });

  const start = (): void => {
    engine = openEngine({
      dbPath: resolveDbPath(undefined),
      nativeBinding: electronNativeBinding(app.getAppPath()),
    });
    hardenWebContents(origin);
    if (devUrl) applyDevContentSecurityPolicy(origin);
    handleAppProtocol(rendererDir);
    registerEngineIpc(engine, origin);
    registerDesktopIpc(origin);
    forwardEngineEvents(engine, origin);
    notifyRegressions(engine, () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    // The stored watched folders; each one's status reaches the UI as an event.
    engine.startWatching().catch((error: unknown) => console.error(`vigil: cannot start watching: ${(error as Error).stack ?? String(error)}`));
    installAppMenu(!app.isPackaged);
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Typically a store that cannot be opened: say so in a dialog rather than run windowless.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`vigil: cannot start: ${error instanceof Error ? error.stack : message}`);
      dialog.showErrorBox('Vigil cannot start', message);
      app.exit(1);
    });
}
