"use client";

import { formatDateTime, formatRelative } from "@/components/format";
import { useNow } from "./use-now";

/**
 * A time where freshness matters: relative ("3 min ago", "in 2 min") with the absolute time
 * on hover, or absolute with the relative beside it (`absolute`, for tables). The relative
 * part renders in the browser only (its clock and time zone are the viewer's).
 */
export function When({
  iso,
  absolute = false,
  empty = "never",
  staleAfter = null,
  timeZone,
}: {
  iso: string | null;
  absolute?: boolean;
  empty?: string;
  staleAfter?: string | null;
  /** The zone the absolute time is shown in (the workspace's); the browser's without one. */
  timeZone?: string;
}) {
  const now = useNow(15_000);
  if (!iso) return <span className="text-fg-subtle">{empty}</span>;
  const exact = formatDateTime(iso, timeZone);
  const relative = now === null ? null : formatRelative(iso, now);
  // Past `staleAfter` (twice the schedule's interval) the time turns amber, and says why on hover.
  const stale = staleAfter !== null && now !== null && now > new Date(staleAfter).getTime();
  return (
    <time
      dateTime={iso}
      title={stale ? `${exact} — older than twice its sync interval` : exact}
      className={stale ? "font-medium text-amber-700 dark:text-amber-400" : undefined}
      suppressHydrationWarning
    >
      {absolute ? exact : (relative ?? exact)}
      {absolute && relative && <span className="ml-1 text-fg-subtle">({relative})</span>}
    </time>
  );
}
