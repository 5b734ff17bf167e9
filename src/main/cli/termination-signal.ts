export interface TerminationWait {
  /** Resolves on the first SIGINT or SIGTERM. */
  signal: Promise<NodeJS.Signals>;
  /** Stops listening (the default handlers apply again). */
  dispose(): void;
}

/** Long-running commands (serve, watch) listen for SIGINT/SIGTERM so that they stop cleanly. */
export function waitForTermination(): TerminationWait {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const dispose = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const signal = new Promise<NodeJS.Signals>((stop) => {
    onSignal = (received) => {
      dispose();
      stop(received);
    };
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal, dispose };
}

/**
 * Keeps the process alive until `until` settles. Signal handlers do not, and a watcher whose
 * folders are all missing has no OS handle that would.
 */
export async function keepAliveUntil<T>(until: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 1 << 30);
  try {
    return await until;
  } finally {
    clearInterval(timer);
  }
}
