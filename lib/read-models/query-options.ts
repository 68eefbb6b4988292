import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { alertPageSchema } from "./alert-schemas";
import { flowPageSchema } from "./cash-flow-schemas";
import { exposureSchema } from "./exposure-schemas";
import { fillPageSchema } from "./fill-schemas";
import { equitySeriesSchema, holdingsSchema, summarySchema, syncBatchSchema, type EquityRangeParam } from "./dashboard-schemas";
import { keysetSearch, type KeysetPageRequest } from "./keyset-page";
import { metricsBarSchema } from "./metrics-bar-schemas";
import { orderPageSchema } from "./order-schemas";
import { performanceSchema } from "./performance-schemas";
import { quantityChangePageSchema } from "./quantity-change-schemas";
import { rawChunkSchema } from "./raw-response-schemas";
import { syncHistoryPageSchema } from "./sync-history-schemas";
import { transferMatchPageSchema } from "./transfer-match-schemas";

/** Query keys live here only; components never spell one out. */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  /** `portfolio`: the selector's URL value (lib/portfolios/selection.ts), "all" for the whole workspace. */
  summary: (portfolio = "all") => [...dashboardKeys.all, "summary", portfolio] as const,
  equity: (range: EquityRangeParam, portfolio = "all") => [...dashboardKeys.all, "equity", range, portfolio] as const,
  holdings: (portfolio = "all") => [...dashboardKeys.all, "holdings", portfolio] as const,
  /** Under the dashboard's keys: a resync or a settings change refreshes it with the rest. */
  performance: (portfolio = "all") => [...dashboardKeys.all, "performance", portfolio] as const,
  /** The overview's metrics bar. */
  metrics: (portfolio = "all") => [...dashboardKeys.all, "metrics", portfolio] as const,
  /** Under the dashboard's keys too: a resync refreshes the exposure page's figures. */
  exposure: (portfolio = "all") => [...dashboardKeys.all, "exposure", portfolio] as const,
};

/** Sync runs sit outside `dashboardKeys.all`: invalidating the dashboard after a run must not re-poll finished runs. */
export const syncKeys = {
  all: ["sync"] as const,
  batch: (id: string) => [...syncKeys.all, "batch", id] as const,
  history: (request: KeysetPageRequest) => [...syncKeys.all, "history", request] as const,
  raw: (id: string) => [...syncKeys.all, "raw", id] as const,
};

export const alertKeys = {
  all: ["alerts"] as const,
  page: (request: KeysetPageRequest) => [...alertKeys.all, "page", request] as const,
};

export const cashFlowKeys = {
  all: ["cash-flows"] as const,
  page: (request: KeysetPageRequest) => [...cashFlowKeys.all, "page", request] as const,
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

/** A route's URL for the selector's selection: the whole workspace needs no parameter. */
export function withPortfolio(url: string, portfolio: string): string {
  return portfolio === "all" ? url : `${url}${url.includes("?") ? "&" : "?"}portfolio=${encodeURIComponent(portfolio)}`;
}

export const summaryQuery = (portfolio = "all") =>
  queryOptions({ queryKey: dashboardKeys.summary(portfolio), queryFn: () => getJson(withPortfolio("/api/dashboard/summary", portfolio), summarySchema) });

export const equityQuery = (range: EquityRangeParam, portfolio = "all") =>
  queryOptions({
    queryKey: dashboardKeys.equity(range, portfolio),
    queryFn: () => getJson(withPortfolio(`/api/dashboard/equity?range=${range}`, portfolio), equitySeriesSchema),
  });

export const holdingsQuery = (portfolio = "all") =>
  queryOptions({ queryKey: dashboardKeys.holdings(portfolio), queryFn: () => getJson(withPortfolio("/api/dashboard/holdings", portfolio), holdingsSchema) });

export const performanceQuery = (portfolio = "all") =>
  queryOptions({ queryKey: dashboardKeys.performance(portfolio), queryFn: () => getJson(withPortfolio("/api/performance", portfolio), performanceSchema) });

export const metricsBarQuery = (portfolio = "all") =>
  queryOptions({ queryKey: dashboardKeys.metrics(portfolio), queryFn: () => getJson(withPortfolio("/api/dashboard/metrics", portfolio), metricsBarSchema) });
export const exposureQuery = (portfolio = "all") =>
  queryOptions({ queryKey: dashboardKeys.exposure(portfolio), queryFn: () => getJson(withPortfolio("/api/exposure", portfolio), exposureSchema) });

/** One sync run, always read fresh: a caller follows it until it is no longer queued or running. */
export const syncBatchQuery = (id: string) =>
  queryOptions({
    queryKey: syncKeys.batch(id),
    queryFn: () => getJson(`/api/sync/batches/${encodeURIComponent(id)}`, syncBatchSchema),
    staleTime: 0,
  });

/** While any run on the page is open, the list refreshes every second: its progress bars move. */
const OPEN_RUN_POLL_MS = 1_000;
/** A run being watched on its own page: a little quicker, the bar is the point of the page. */
export const FOLLOW_RUN_POLL_MS = 750;

const isOpen = (status: string) => status === "queued" || status === "running";

/** One page of the workspace's sync history (GET /api/syncs). */
export const syncHistoryQuery = (request: KeysetPageRequest) =>
  queryOptions({
    queryKey: syncKeys.history(request),
    queryFn: () => getJson(`/api/syncs${keysetSearch(request)}`, syncHistoryPageSchema),
    refetchInterval: (q) => (q.state.data?.rows.some((r) => isOpen(r.status)) ? OPEN_RUN_POLL_MS : 60_000),
  });

/** One run followed on its own page: polled while it is open, then left alone. */
export const followedBatchQuery = (id: string) =>
  queryOptions({
    ...syncBatchQuery(id),
    refetchInterval: (q) => (!q.state.data || isOpen(q.state.data.status) ? FOLLOW_RUN_POLL_MS : false),
  });

/** A stored venue response, chunk by chunk (GET /api/sync/raw-responses/[id]?offset=). */
export const rawResponseQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: syncKeys.raw(id),
    queryFn: ({ pageParam }) => getJson(`/api/sync/raw-responses/${encodeURIComponent(id)}?offset=${pageParam}`, rawChunkSchema),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset,
    staleTime: Infinity,
  });

/** One page of the workspace's alerts (GET /api/alerts). */
export const alertPageQuery = (request: KeysetPageRequest) =>
  queryOptions({ queryKey: alertKeys.page(request), queryFn: () => getJson(`/api/alerts${keysetSearch(request)}`, alertPageSchema) });

export const transferMatchKeys = {
  all: ["transfer-matches"] as const,
  page: (request: KeysetPageRequest) => [...transferMatchKeys.all, "page", request] as const,
};

/** One page of the workspace's transfers between connections (GET /api/cash-flows/transfers). */
export const transferMatchPageQuery = (request: KeysetPageRequest) =>
  queryOptions({
    queryKey: transferMatchKeys.page(request),
    queryFn: () => getJson(`/api/cash-flows/transfers${keysetSearch(request)}`, transferMatchPageSchema),
  });

/** One page of the workspace's cash flows (GET /api/cash-flows). */
export const flowPageQuery = (request: KeysetPageRequest) =>
  queryOptions({ queryKey: cashFlowKeys.page(request), queryFn: () => getJson(`/api/cash-flows${keysetSearch(request)}`, flowPageSchema) });

export const orderKeys = {
  all: ["orders"] as const,
  page: (request: KeysetPageRequest) => [...orderKeys.all, "page", request] as const,
};

/** One page of the workspace's orders (GET /api/orders). */
export const orderPageQuery = (request: KeysetPageRequest) =>
  queryOptions({ queryKey: orderKeys.page(request), queryFn: () => getJson(`/api/orders${keysetSearch(request)}`, orderPageSchema) });

export const fillKeys = {
  all: ["fills"] as const,
  page: (request: KeysetPageRequest) => [...fillKeys.all, "page", request] as const,
};

/** One page of the workspace's fills with the filtered set's totals (GET /api/fills). */
export const fillPageQuery = (request: KeysetPageRequest) =>
  queryOptions({ queryKey: fillKeys.page(request), queryFn: () => getJson(`/api/fills${keysetSearch(request)}`, fillPageSchema) });

export const quantityChangeKeys = {
  all: ["quantity-changes"] as const,
  page: (symbol: string, request: KeysetPageRequest) => [...quantityChangeKeys.all, symbol, request] as const,
};

/** One page of a symbol's quantity changes across the workspace's accounts (GET /api/orders/quantity-changes). */
export const quantityChangePageQuery = (symbol: string) => (request: KeysetPageRequest) =>
  queryOptions({
    queryKey: quantityChangeKeys.page(symbol, request),
    queryFn: () => getJson(`/api/orders/quantity-changes${keysetSearch({ ...request, filters: { symbol } })}`, quantityChangePageSchema),
  });
