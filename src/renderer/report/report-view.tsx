// Report: the handoff report (`vigil report`) for two runs, rendered from its Markdown by our
// own small renderer (report text is data and never becomes HTML), copied or saved as Markdown.
import { useMemo, useState } from 'react';
import { GOAL_STATUS_LABEL, type HandoffReport } from '../../shared/report-types.js';
import type { RunSummary } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { ErrorBanner } from '../app/error-banner.js';
import { RunPairSelect } from '../app/run-select.js';
import { Screen } from '../app/screen.js';
import { useScreenData } from '../app/use-screen-data.js';
import { MarkdownView } from '../markdown/markdown-view.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { copyText, reportFileName, saveText } from './export.js';

/** A GitHub comment's limit: the report folds its lists to fit. */
const COMMENT_BYTES = 65_536;

interface ReportData {
  runs: RunSummary[];
  report: HandoffReport | null;
}

export function ReportView({ project }: { project: string }) {
  const pair = useAppStore((s) => s.pair);
  const openReport = useAppStore((s) => s.openReport);
  const [fit, setFit] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const { data, error } = useScreenData<ReportData>(async () => {
    const runs = await engine.listRuns({ project });
    if (runs.length === 0) return { runs, report: null };
    const report = await engine.getReport({
      project,
      ...(pair.before ? { before: pair.before } : {}),
      ...(pair.after ? { after: pair.after } : {}),
      ...(fit ? { maxBytes: COMMENT_BYTES } : {}),
    });
    return { runs, report };
  }, [project, pair.before, pair.after, fit]);

  const report = data?.report;
  const blocks = useMemo(() => (report ? parseMarkdown(report.markdown) : []), [report]);

  const copy = async (): Promise<void> => {
    if (!report) return;
    setExportError(null);
    try {
      await copyText(report.markdown);
      setStatus(`Copied ${report.bytes.toLocaleString()} bytes of Markdown.`);
    } catch (caught) {
      setExportError((caught as Error).message);
    }
  };

  const save = async (): Promise<void> => {
    if (!report) return;
    setExportError(null);
    try {
      const where = await saveText(reportFileName(project, report.after.startedAt), report.markdown);
      setStatus(where ? `Saved as ${where}.` : 'Not saved.');
    } catch (caught) {
      setExportError((caught as Error).message);
    }
  };

  return (
    <Screen
      name="report"
      title="Report"
      header={data && report && <RunPairSelect runs={data.runs} pair={{ before: report.before.id, after: report.after.id }} onChange={(pair) => openReport(project, pair)} />}
    >
      <div className="toolbar">
        <button type="button" className="button primary" onClick={() => void copy()} disabled={!report}>
          Copy Markdown
        </button>
        <button type="button" className="button" onClick={() => void save()} disabled={!report}>
          Save as Markdown…
        </button>
        <label className="check">
          <input type="checkbox" checked={fit} onChange={(event) => setFit(event.target.checked)} /> Fit a GitHub comment (64 KiB)
        </label>
        <span className="muted" role="status">
          {status ?? (report ? `${report.bytes.toLocaleString()} bytes${report.foldedItems > 0 ? `, ${report.foldedItems} list items folded` : ''}${report.fits ? '' : ', over the limit'} · goals: ${report.goals.results.length === 0 ? 'none' : report.goals.results.map((goal) => GOAL_STATUS_LABEL[goal.status]).join(', ')}` : '\u00a0')}
        </span>
      </div>
      {exportError && <ErrorBanner message={exportError} />}
      {error && <ErrorBanner message={error} />}
      {!data && !error && <p className="muted">Writing the report…</p>}
      {data && !report && <p className="muted">No runs stored for {project}.</p>}
      {report && (
        <div className="report-paper">
          <MarkdownView blocks={blocks} label={`Handoff report for ${report.project}`} />
        </div>
      )}
    </Screen>
  );
}
