// Fans engine events out to every subscriber (desktop window, SSE clients, `vigil watch`).
import type { EngineEvent, EngineEventListener } from '../../../shared/types.js';

export class EventHub {
  private readonly listeners = new Set<EngineEventListener>();
  private closed = false;

  subscribe(listener: EngineEventListener): () => void {
    // A wrapper per subscription, so subscribing the same function twice is two subscriptions.
    const entry: EngineEventListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(event: EngineEvent): void {
    if (this.closed) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken client (a closed window, a dead socket) must not keep the event from the
        // others nor stop the watcher; its failure is still shown.
        console.error(`vigil: an event listener failed on ${event.type}: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }

  /** After close nothing is delivered: the store behind the events is gone. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}
