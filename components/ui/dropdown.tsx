"use client";

import { useCallback, useId, useRef, type ReactNode } from "react";
import { useDismiss } from "./use-dismiss";

/**
 * A button that shows a panel below it (the disclosure pattern: aria-expanded plus a plain
 * panel in tab order, no menu roles to emulate). Escape or a press outside closes it.
 * Controlled, so what is inside the panel can close it when its work is done.
 */
export function Dropdown({
  open,
  onOpenChange,
  trigger,
  triggerLabel,
  children,
  panelClassName = "w-64",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactNode;
  /** The button's accessible name when `trigger` alone does not say what it opens. */
  triggerLabel?: string;
  children: ReactNode;
  panelClassName?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const dismiss = useCallback(
    (restoreFocus: boolean) => {
      onOpenChange(false);
      if (restoreFocus) button.current?.focus();
    },
    [onOpenChange],
  );
  useDismiss(open, container, dismiss);

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={triggerLabel}
        onClick={() => onOpenChange(!open)}
        className="flex max-w-[12rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-fg hover:bg-surface-2 sm:max-w-xs"
      >
        {trigger}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute right-0 z-30 mt-2 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-1 text-sm shadow-lg ${panelClassName}`}
      >
        {open && children}
      </div>
    </div>
  );
}
