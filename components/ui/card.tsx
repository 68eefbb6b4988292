import type { ReactNode } from "react";

// min-w-0: a card in a flex or grid row may shrink below its content (a wide table scrolls inside it).
export function Card({ title, actions, children, className = "" }: { title?: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`min-w-0 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5 ${className}`}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          {title && <h2 className="text-sm font-semibold uppercase tracking-wide text-fg-subtle">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
