// Shows the regression notice (regression-notice.ts) for each newly stored run that regressed.
import { Notification } from 'electron';
import type { EngineApi, EngineEventSource } from '../../shared/types.js';
import { runRegressions } from './regression-notice.js';

/** Shows a notice for each newly stored run that regressed; clicking it brings the window up. */
export function notifyRegressions(engine: Pick<EngineApi, 'listRuns' | 'compareRuns'> & EngineEventSource, focus: () => void): () => void {
  // Regressed tests already told, by run. A run is announced again when coverage attaches to it
  // later (one notice per run is enough); a run that grew replaces runs whose regressions were
  // told, and only the new ones make a notice.
  const told = new Map<string, Set<string>>();
  return engine.onEvent((event) => {
    if (event.type !== 'didIngestRun' || told.has(event.run.id) || !Notification.isSupported()) return;
    const carried = new Set((event.run.replaces ?? []).flatMap((id) => [...(told.get(id) ?? [])]));
    told.set(event.run.id, carried);
    runRegressions(engine, event.run, carried)
      .then(({ regressed, notice }) => {
        for (const id of regressed) carried.add(id);
        if (!notice) return;
        const shown = new Notification({ title: notice.title, body: notice.body, silent: false });
        shown.on('click', focus);
        shown.show();
      })
      .catch((error: unknown) => console.error(`vigil: regression notice for ${event.run.id}: ${(error as Error).message}`));
  });
}
