"use client";

import { useEffect, type RefObject } from "react";

/**
 * Closes an open popover on Escape and on a press outside `container`. Escape asks for focus
 * to go back to the control that opened it; an outside press leaves focus where it landed.
 */
export function useDismiss(open: boolean, container: RefObject<HTMLElement | null>, close: (restoreFocus: boolean) => void): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      close(true);
    };
    const onPointer = (e: PointerEvent) => {
      if (container.current && !container.current.contains(e.target as Node)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, container, close]);
}
