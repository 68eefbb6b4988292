"use client";

import { useState, useTransition } from "react";

/** What a server action answers (next-safe-action): its data, or why it was refused. */
export interface ActionAnswer<T> {
  data?: T;
  serverError?: { message: string };
  validationErrors?: unknown;
}

/**
 * The state of an action behind a ConfirmDialog: open or not, under way or not, and the
 * refusal to show inside the dialog. `run` closes the dialog only when the action succeeded,
 * then hands its data on (for the toast, the refresh, the next page).
 */
export function useConfirmedAction<T>() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return {
    open,
    pending,
    error,
    ask: () => {
      setError(null);
      setOpen(true);
    },
    cancel: () => setOpen(false),
    run: (call: () => Promise<ActionAnswer<T> | undefined>, onDone: (data: T) => void) =>
      startTransition(async () => {
        setError(null);
        const answer = await call().catch(() => null);
        if (answer === null) return setError("The server could not be reached; try again");
        if (!answer?.data) return setError(answer?.serverError?.message ?? "The request was refused; reload the page and try again");
        setOpen(false);
        onDone(answer.data);
      }),
  };
}
