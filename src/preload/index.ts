// The renderer's only door to the main process: `window.vigil`, exactly the EngineApi methods,
// each one forwarded as a 'vigil:call'. No ipcRenderer, no Node, no environment is exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { createEngineClient, type CallEnvelope } from '../shared/engine-client.js';
import { IPC_CALL_CHANNEL } from '../shared/ipc-channel.js';

const api = createEngineClient(async (method, args) => {
  const envelope = (await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args)) as CallEnvelope;
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
});

contextBridge.exposeInMainWorld('vigil', api);
