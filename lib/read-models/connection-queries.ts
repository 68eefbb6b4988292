import { queryOptions } from "@tanstack/react-query";
import { connectionPageSchema } from "./connection-schemas";
import type { KeysetPageRequest } from "./keyset-page";
import { getJson } from "./query-options";

/** The connections list's query: one keyset page per view of the table. */
export const connectionKeys = {
  all: ["connections"] as const,
  page: (request: KeysetPageRequest) => [...connectionKeys.all, "page", request] as const,
};

/** The URL's view as the route's query string (the same keys the table keeps in the page URL). */
export function connectionPageSearch(request: KeysetPageRequest): string {
  const q = new URLSearchParams();
  if (request.cursor) q.set("cursor", request.cursor);
  q.set("limit", String(request.limit));
  if (request.sort) q.set("sort", `${request.sort.id}.${request.sort.desc ? "desc" : "asc"}`);
  for (const [k, v] of Object.entries(request.filters)) q.set(k, v);
  return q.toString();
}

/** While a connection syncs, the list re-reads every 2 s so its state moves on its own. */
export const connectionPageQuery = (request: KeysetPageRequest) =>
  queryOptions({
    queryKey: connectionKeys.page(request),
    queryFn: () => getJson(`/api/connections/table?${connectionPageSearch(request)}`, connectionPageSchema),
    refetchInterval: (q) => (q.state.data?.rows.some((r) => r.state === "syncing") ? 2_000 : 60_000),
  });
