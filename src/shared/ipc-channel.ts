/** The one IPC channel between renderer and main: `invoke(channel, method, args)`. */
export const IPC_CALL_CHANNEL = 'vigil:call';
