// The engine's live events for the UI: the preload's `window.vigil.onEvent` inside Electron,
// else the Server-Sent Events of `vigil serve` (GET /api/events). One EventSource is shared by
// every subscriber and closed when the last one leaves.
import type { EngineEvent, EngineEventListener } from '../../shared/types.js';
import { readToken } from './read-token.js';

const listeners = new Set<EngineEventListener>();
let source: EventSource | null = null;

function deliver(event: EngineEvent): void {
  for (const listener of [...listeners]) listener(event);
}

function openStream(token: string): EventSource {
  // EventSource cannot send headers: the server takes the token from the query for this route.
  const stream = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  stream.onmessage = (message: MessageEvent<string>) => deliver(JSON.parse(message.data) as EngineEvent);
  // On a dropped connection the browser reconnects by itself (the server sets `retry:`).
  return stream;
}

export function onEngineEvent(listener: EngineEventListener): () => void {
  if (window.vigil) return window.vigil.onEvent(listener);
  const token = readToken();
  // Neither Electron nor `vigil serve`: no engine, so no events (calls say why they fail).
  if (!token) return () => undefined;
  listeners.add(listener);
  source ??= openStream(token);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = null;
    }
  };
}
