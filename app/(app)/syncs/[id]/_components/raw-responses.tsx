"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { secondaryButton } from "@/components/ui/buttons";
import { ErrorState } from "@/components/ui/states";
import { Skeleton } from "@/components/ui/skeleton";
import { rawResponseQuery } from "@/lib/read-models/query-options";
import type { RawResponseSummary } from "@/lib/read-models/raw-response-schemas";

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} KB`;

/**
 * The venue's answers this run kept (admins only): each opens to its body, read 64 K
 * characters at a time, so a large statement never lands in the page at once.
 */
export function RawResponses({ responses }: { responses: RawResponseSummary[] }) {
  if (responses.length === 0) {
    return (
      <p className="text-sm text-fg-muted">
        None kept: a run that failed keeps nothing (its writes roll back), and responses older than the retention (the last 50 runs, 7 days) are pruned.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line" aria-label="Stored venue responses">
      {responses.map((r) => (
        <RawResponse key={r.id} response={r} />
      ))}
    </ul>
  );
}

function RawResponse({ response }: { response: RawResponseSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="py-2">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full min-w-0 items-center gap-2 rounded-md px-1 py-1 text-left text-sm hover:bg-surface-2"
      >
        <ChevronRight aria-hidden className={`size-4 shrink-0 transition-transform ${open ? "rotate-90" : ""}`} />
        <code className="min-w-0 flex-1 truncate">{response.endpoint}</code>
        <span className="shrink-0 text-xs text-fg-subtle tabular-nums">
          {kb(response.bytes)}
          {response.truncated && " · cut to 256 KB"} ·{" "}
          <time dateTime={response.capturedAt} suppressHydrationWarning>
            {formatDateTime(response.capturedAt)}
          </time>
        </span>
      </button>
      {open && <RawBody id={response.id} />}
    </li>
  );
}

function RawBody({ id }: { id: string }) {
  const q = useInfiniteQuery(rawResponseQuery(id));
  if (q.isPending) return <Skeleton className="mt-2 h-40" />;
  if (q.isError) return <ErrorState title="The response could not load" message={q.error.message} onRetry={() => void q.refetch()} />;
  const pages = q.data.pages;
  const shown = pages.reduce((n, p) => n + p.text.length, 0);
  const total = pages[0]!.totalChars;
  return (
    <div className="mt-2 space-y-2">
      <pre
        tabIndex={0}
        aria-label="Response body"
        className="max-h-[32rem] overflow-auto rounded-md bg-surface-2 p-3 text-xs leading-relaxed whitespace-pre-wrap break-all"
      >
        {pages.map((p) => p.text).join("")}
      </pre>
      {q.hasNextPage && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage} className={secondaryButton}>
          {q.isFetchingNextPage ? "Loading…" : `Show more (${shown.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} characters shown)`}
        </button>
      )}
    </div>
  );
}
