import { describe, expect, it } from 'vitest';
import { checkDesktopCall, MAX_SAVE_TEXT } from '../../src/shared/desktop-contract.js';

describe('checkDesktopCall', () => {
  it('allows the two dialogs with well-formed arguments', () => {
    expect(checkDesktopCall('pickFolder', undefined)).toBeNull();
    expect(checkDesktopCall('saveTextFile', { suggestedName: 'vigil-report-shop-2026-11-20.md', text: '# Report' })).toBeNull();
  });

  it('refuses other methods, paths as names, unknown fields and oversized text', () => {
    expect(checkDesktopCall('writeFile', {})).toMatch(/unknown desktop method/);
    expect(checkDesktopCall('toString', undefined)).toMatch(/unknown desktop method/);
    expect(checkDesktopCall('pickFolder', { defaultPath: '/etc' })).toMatch(/takes no arguments/);
    for (const name of ['../../.bashrc', '/etc/passwd', 'C:\\x.md', 'a\u0000b.md', '..', 'x\n.md']) {
      expect(checkDesktopCall('saveTextFile', { suggestedName: name, text: '' }), name).not.toBeNull();
    }
    expect(checkDesktopCall('saveTextFile', { suggestedName: 'r.md', text: '', path: '/tmp/x' })).toMatch(/unknown field "path"/);
    expect(checkDesktopCall('saveTextFile', { suggestedName: 'r.md', text: 'x'.repeat(MAX_SAVE_TEXT + 1) })).toMatch(/longer than/);
  });
});
