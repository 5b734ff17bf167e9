// Runs async tasks one at a time. Ingestion checks "is this content stored?" before it writes,
// so two ingests at once (two watched folders, or the watcher and an API call) could both
// decide to store the same file; one at a time they cannot.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one whether it succeeds or fails; the failure itself goes
    // to this task's caller through `result`.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves when every task queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
