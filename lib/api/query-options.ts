import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { equitySeriesSchema, holdingsSchema, summarySchema, type EquityRangeParam } from "./dashboard-schemas";

/** Query keys live here only; components never spell one out. */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: () => [...dashboardKeys.all, "summary"] as const,
  equity: (range: EquityRangeParam) => [...dashboardKeys.all, "equity", range] as const,
  holdings: () => [...dashboardKeys.all, "holdings"] as const,
};

async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
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
