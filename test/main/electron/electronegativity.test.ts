// The Electron configuration checked by Electronegativity (Doyensec's scanner of Electron apps:
// BrowserWindow preferences, preload, navigation, CSP, IPC, openExternal...), over all of src/
// as it would see the app. Any HIGH finding fails; the others are printed so they stay visible.
// The scanner looks online for translations and Electron releases; offline it says so and goes on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures.js';
import { tempDir } from '../../support/temp.js';

const SCANNER = join(REPO_ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;

interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}

/** The scanner's CSV: one finding a line, quoted fields where needed. */
function parseCsv(text: string): Finding[] {
  const rows = text.trim().split('\n').slice(1);
  return rows.map((row) => {
    const cells = [...row.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((match) => match[2] ?? match[1] ?? '');
    return { check: cells[0] ?? '', severity: cells[1] ?? '', confidence: cells[2] ?? '', file: cells[3] ?? '', location: cells[4] ?? '', description: cells[6] ?? '' };
  });
}

describe('Electronegativity', () => {
  it('finds nothing of HIGH severity in the Electron app', { timeout: 120_000 }, () => {
    const out = join(tempDir(), 'electronegativity.csv');
    const result = spawnSync(process.execPath, [SCANNER, '--input', join(REPO_ROOT, 'src'), '--electron-version', ELECTRON_VERSION ?? '41.7.1', '--output', out, '--relative', '--verbose', 'false'], {
      encoding: 'utf8',
      timeout: 110_000,
      env: { ...process.env, LANG: 'en-US' },
    });
    expect(result.status, result.stderr).toBe(0);
    const findings = parseCsv(readFileSync(out, 'utf8'));
    for (const finding of findings) console.log(`electronegativity: ${finding.severity} ${finding.check} ${finding.file}:${finding.location} ${finding.description}`);
    // The scanner did read the window's configuration: it always notes that a preload is used.
    expect(findings.some((finding) => finding.check === 'PRELOAD_JS_CHECK' && finding.file.endsWith('main-window.ts'))).toBe(true);
    expect(findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL')).toEqual([]);
  });
});
