import Link from "next/link";
import type { ReactNode } from "react";
import { Skeleton } from "./skeleton";

/**
 * The loading, empty and error states every page and widget shows (ui-conventions, "States"),
 * so each page composes them instead of inventing its own.
 */

export function ErrorState({ title, message, onRetry }: { title: string; message?: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-100"
    >
      <p className="font-medium">{title}</p>
      {message && <p className="mt-1 break-words text-rose-800 dark:text-rose-200">{message}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-3 rounded-md bg-rose-600 px-3 py-1.5 text-white hover:bg-rose-700">
          Try again
        </button>
      )}
    </div>
  );
}

/** Says why nothing is here; `action` links the next step ("Add a connection →"). */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-dashed border-line p-6 text-center text-sm text-fg-muted">
      <p className="font-medium text-fg">{title}</p>
      {children && <div className="mt-1">{children}</div>}
      {action && (
        <Link href={action.href} className="mt-3 inline-block font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {action.label} →
        </Link>
      )}
    </div>
  );
}

/** A skeleton shaped like the content: one block per height given, announced as busy. */
export function LoadingState({ label, blocks }: { label: string; blocks: string[] }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label={label} role="status">
      {blocks.map((height, i) => (
        <Skeleton key={i} className={height} />
      ))}
    </div>
  );
}
