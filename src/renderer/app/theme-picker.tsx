import { useThemeStore, type Theme } from './theme.js';

const THEMES: readonly { id: Theme; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export function ThemePicker() {
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {THEMES.map((entry) => (
        <button key={entry.id} type="button" className="segment" aria-pressed={theme === entry.id} onClick={() => setTheme(entry.id)}>
          {entry.label}
        </button>
      ))}
    </div>
  );
}
