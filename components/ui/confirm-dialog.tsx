"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { buttonClass } from "./button-class";

/**
 * Asks before a consequential action, naming what will happen (`children`). A modal <dialog>:
 * focus stays inside and starts on Cancel, Escape cancels (unless the action is under way).
 * A refusal is shown inside, so the person reads why without losing their place.
 */
export function ConfirmDialog(p: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error?: string | null;
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) d.showModal();
    if (!p.open && d.open) d.close();
  }, [p.open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => p.open && p.onCancel()}
      onCancel={(e) => {
        if (p.pending) e.preventDefault();
      }}
      className="m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded-xl border border-line bg-surface p-5 text-fg shadow-xl backdrop:bg-slate-950/50"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {p.title}
      </h2>
      <div id={bodyId} className="mt-2 space-y-2 text-sm text-fg-muted">
        {p.children}
      </div>
      {p.error && (
        <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {p.error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" onClick={p.onCancel} disabled={p.pending} className={buttonClass.quiet}>
          Cancel
        </button>
        <button type="button" onClick={p.onConfirm} disabled={p.pending} className={p.destructive ? buttonClass.danger : buttonClass.primary}>
          {p.pending ? p.pendingLabel : p.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
