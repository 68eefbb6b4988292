import { queryOptions } from "@tanstack/react-query";
import { dashboardKeys, getJson, withPortfolio } from "./query-options";
import { performanceSeriesSchema, type Benchmark } from "./performance-series-schemas";

/**
 * The /performance charts' query. Its key sits under the dashboard's, so a resync or a
 * settings change refreshes the charts with the rest; it lives beside its schema rather
 * than in query-options.ts so that the charts and the page can be merged independently.
 */
export const performanceSeriesKey = (from: string, to: string, benchmark: Benchmark, portfolio = "all") =>
  [...dashboardKeys.all, "performance-series", from, to, benchmark, portfolio] as const;

/** `portfolio`: the selector's URL value ("all": the whole workspace). */
export const performanceSeriesQuery = (from: string, to: string, benchmark: Benchmark, portfolio = "all") =>
  queryOptions({
    queryKey: performanceSeriesKey(from, to, benchmark, portfolio),
    queryFn: () => getJson(withPortfolio(`/api/performance/series?${new URLSearchParams({ from, to, benchmark })}`, portfolio), performanceSeriesSchema),
  });
