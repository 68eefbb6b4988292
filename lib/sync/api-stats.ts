import type { BatchApiStats } from "@/db/queries/sync-batches";
import type { Connector } from "@/lib/connectors/types";

/**
 * What the run cost at the venue. The connector's own request count when its client keeps
 * one (Binance, OKX, with Binance's reported weight); otherwise the responses the run
 * captured, one per successful request, which is a floor (retries are not seen).
 */
export function apiStats(connector: Connector | undefined, capturedResponses: number): BatchApiStats {
  let stats: ReturnType<NonNullable<Connector["requestStats"]>> | undefined;
  try {
    stats = connector?.requestStats?.();
  } catch {
    // Counting is best effort: a meter that throws must not turn a good run into a failure.
    stats = undefined;
  }
  if (!stats) return { apiCalls: capturedResponses, apiUsage: null };
  const usage = {
    ...(stats.byEndpoint ? { byEndpoint: stats.byEndpoint } : {}),
    ...(stats.usedWeight ? { usedWeight: stats.usedWeight } : {}),
  };
  return { apiCalls: stats.requests, apiUsage: Object.keys(usage).length > 0 ? usage : null };
}
