import type { ReactNode } from 'react';

/**
 * A screen: its section, and a header whose heading is `${name}-title` (the app moves the focus
 * there when the screen changes), with what the screen puts beside its heading.
 */
export function Screen({ name, title, header, children }: { name: string; title: ReactNode; header?: ReactNode; children?: ReactNode }) {
  return (
    <section className={`screen ${name}`} aria-labelledby={`${name}-title`}>
      <header className="screen-header">
        <h1 id={`${name}-title`} tabIndex={-1}>
          {title}
        </h1>
        {header}
      </header>
      {children}
    </section>
  );
}
