/** Renderer to main, for every EngineApi call: `invoke(channel, method, args)`. */
export const IPC_CALL_CHANNEL = 'vigil:call';
/** Main to renderer, the only other channel: one EngineEvent per message (`webContents.send(channel, event)`). */
export const IPC_EVENT_CHANNEL = 'vigil:event';
