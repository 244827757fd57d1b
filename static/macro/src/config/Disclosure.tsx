// A settings section that opens and closes under its heading; it opens by itself when something inside needs
// fixing, so an error is never hidden in a closed section.
import { useState, type ReactNode } from 'react';

export function DisclosureSection({
  id,
  title,
  initiallyOpen,
  forceOpen,
  children,
}: {
  id: string;
  title: ReactNode;
  initiallyOpen: boolean;
  /** True while something inside is invalid. */
  forceOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const expanded = open || forceOpen;
  return (
    <section className="config-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        <button
          type="button"
          className="disclosure"
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {title}
        </button>
      </h3>
      {expanded ? <div id={`${id}-body`}>{children}</div> : null}
    </section>
  );
}
