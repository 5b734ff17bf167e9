// Light, dark, or the system's choice, remembered in localStorage. The stylesheet reads
// <html data-theme>; "system" leaves it out and the prefers-color-scheme query decides.
import { create } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'vigil.theme';

function stored(): Theme {
  const value = window.localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const useThemeStore = create<ThemeState>()((set) => ({
  theme: 'system',
  setTheme(theme) {
    window.localStorage.setItem(KEY, theme);
    apply(theme);
    set({ theme });
  },
}));

/** Called once before the first render, so the first paint already has the right colours. */
export function initTheme(): void {
  const theme = stored();
  apply(theme);
  useThemeStore.setState({ theme });
}
