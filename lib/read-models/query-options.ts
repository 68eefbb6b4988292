import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { equitySeriesSchema, holdingsSchema, summarySchema, syncBatchSchema, type EquityRangeParam } from "./dashboard-schemas";

/** Query keys live here only; components never spell one out. */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: () => [...dashboardKeys.all, "summary"] as const,
  equity: (range: EquityRangeParam) => [...dashboardKeys.all, "equity", range] as const,
  holdings: () => [...dashboardKeys.all, "holdings"] as const,
};

/** Sync runs sit outside `dashboardKeys.all`: invalidating the dashboard after a run must not re-poll finished runs. */
export const syncKeys = {
  all: ["sync"] as const,
  batch: (id: string) => [...syncKeys.all, "batch", id] as const,
};

/** GET a JSON route and check it against its contract; a refusal becomes an Error with the route's message. */
export async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body && typeof body === "object" && "error" in body ? String(body.error) : res.statusText;
    throw new Error(`${url}: ${message}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${url}: unexpected response shape`);
  return parsed.data;
}

export const summaryQuery = () =>
  queryOptions({ queryKey: dashboardKeys.summary(), queryFn: () => getJson("/api/dashboard/summary", summarySchema) });

export const equityQuery = (range: EquityRangeParam) =>
  queryOptions({
    queryKey: dashboardKeys.equity(range),
    queryFn: () => getJson(`/api/dashboard/equity?range=${range}`, equitySeriesSchema),
  });

export const holdingsQuery = () =>
  queryOptions({ queryKey: dashboardKeys.holdings(), queryFn: () => getJson("/api/dashboard/holdings", holdingsSchema) });

/** One sync run, always read fresh: a caller follows it until it is no longer queued or running. */
export const syncBatchQuery = (id: string) =>
  queryOptions({
    queryKey: syncKeys.batch(id),
    queryFn: () => getJson(`/api/sync/batches/${encodeURIComponent(id)}`, syncBatchSchema),
    staleTime: 0,
  });
