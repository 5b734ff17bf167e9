// Getting the report out: to the clipboard, or to a file. In the desktop app the file is written
// by the main process after the user chose where (a save dialog); in a browser it is a download.
import { desktop } from '../api/desktop.js';

export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch (error) {
      // Refused (no permission, no focus): the selection copy below still works with the user's click.
      console.warn(`clipboard API refused (${(error as Error).message}); copying through a selection`);
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused to copy; select the Markdown and copy it by hand');
}

/** Saves the text; returns where (the path, or the download's name), or null when cancelled. */
export async function saveText(suggestedName: string, text: string): Promise<string | null> {
  const dialogs = desktop();
  if (dialogs) {
    const saved = await dialogs.saveTextFile({ suggestedName, text });
    return saved?.path ?? null;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return suggestedName;
}

/** "vigil-report-shop-2026-11-20.md": a plain file name, whatever the project is called. */
export function reportFileName(project: string, afterStartedAt: string): string {
  const safe = project.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'project';
  return `vigil-report-${safe}-${afterStartedAt.slice(0, 10)}.md`;
}
