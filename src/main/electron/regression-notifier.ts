// Shows the regression notice (regression-notice.ts) for each newly stored run that regressed.
import { Notification } from 'electron';
import type { EngineApi, EngineEventSource } from '../../shared/types.js';
import { regressionNotice } from './regression-notice.js';

/** Shows a notice for each newly stored run that regressed; clicking it brings the window up. */
export function notifyRegressions(engine: Pick<EngineApi, 'listRuns' | 'compareRuns'> & EngineEventSource, focus: () => void): () => void {
  // A run is announced again when coverage attaches to it later: one notice per run is enough.
  const notified = new Set<string>();
  return engine.onEvent((event) => {
    if (event.type !== 'didIngestRun' || notified.has(event.run.id) || !Notification.isSupported()) return;
    notified.add(event.run.id);
    regressionNotice(engine, event.run)
      .then((notice) => {
        if (!notice) return;
        const shown = new Notification({ title: notice.title, body: notice.body, silent: false });
        shown.on('click', focus);
        shown.show();
      })
      .catch((error: unknown) => console.error(`vigil: regression notice for ${event.run.id}: ${(error as Error).message}`));
  });
}
