import { queryOptions } from "@tanstack/react-query";
import { dashboardKeys, getJson } from "./query-options";
import { performanceSeriesSchema, type Benchmark } from "./performance-series-schemas";

/**
 * The /performance charts' query. Its key sits under the dashboard's, so a resync or a
 * settings change refreshes the charts with the rest; it lives beside its schema rather
 * than in query-options.ts so that the charts and the page can be merged independently.
 */
export const performanceSeriesKey = (from: string, to: string, benchmark: Benchmark) => [...dashboardKeys.all, "performance-series", from, to, benchmark] as const;

export const performanceSeriesQuery = (from: string, to: string, benchmark: Benchmark) =>
  queryOptions({
    queryKey: performanceSeriesKey(from, to, benchmark),
    queryFn: () => getJson(`/api/performance/series?${new URLSearchParams({ from, to, benchmark })}`, performanceSeriesSchema),
  });
