// Light, dark, or the system's choice, remembered in localStorage. The stylesheet reads only
// <html data-theme>; "system" is resolved here and follows the OS setting while it is chosen,
// so the dark palette is written once in styles.css.
import { create } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'vigil.theme';

function stored(): Theme {
  const value = window.localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function apply(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && systemDark.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

systemDark.addEventListener('change', () => apply(useThemeStore.getState().theme));

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
