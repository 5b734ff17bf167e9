// The renderer's only door to the main process: `window.vigil`, exactly the EngineApi methods,
// each one forwarded as a 'vigil:call', and `onEvent` for the engine's events; and
// `window.vigilDesktop`, the two DesktopApi dialogs ('vigil:desktop'). No ipcRenderer,
// no IPC event object, no Node, no environment is exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_DESKTOP_CHANNEL, type DesktopApi, type DesktopMethod } from '../shared/desktop-contract.js';
import { createEngineClient, type CallEnvelope } from '../shared/engine-client.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc-channel.js';
import type { EngineEvent, EngineEventListener, VigilBridge } from '../shared/types.js';

const api = createEngineClient(async (method, args) => {
  const envelope = (await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args)) as CallEnvelope;
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
});

function onEvent(listener: EngineEventListener): () => void {
  // The listener sees the event only: the IpcRendererEvent (with its sender) stays here.
  const forward = (_ipcEvent: IpcRendererEvent, event: EngineEvent): void => listener(event);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
  };
}

const bridge: VigilBridge = { ...api, onEvent };
contextBridge.exposeInMainWorld('vigil', bridge);

// The desktop-only calls (folder picker, save dialog), checked again in the main process.
async function callDesktop(method: DesktopMethod, args: unknown): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(IPC_DESKTOP_CHANNEL, method, args)) as CallEnvelope;
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

const desktop: DesktopApi = {
  pickFolder: () => callDesktop('pickFolder', undefined) as Promise<string | null>,
  saveTextFile: (query) => callDesktop('saveTextFile', query) as Promise<{ path: string } | null>,
};
contextBridge.exposeInMainWorld('vigilDesktop', desktop);
