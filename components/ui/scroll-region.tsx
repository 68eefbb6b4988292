import type { ReactNode } from "react";

/**
 * Where a wide table scrolls sideways, inside its card, so the page never does. Focusable and
 * named, so keyboard users can scroll it (axe: scrollable-region-focusable). `relative`: an
 * absolutely placed child (an sr-only label in a cell) is clipped here too; without it, it is
 * placed against the page and widens the page past the screen.
 */
export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative min-w-0 overflow-x-auto rounded-md ${className}`}>
      {children}
    </div>
  );
}
