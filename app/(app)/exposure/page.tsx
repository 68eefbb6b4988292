import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { ExposureView } from "@/components/exposure/exposure-view";
import { requirePageScope } from "@/lib/access/page";
import { loadExposure } from "@/lib/read-models/exposure-data";
import { dashboardKeys } from "@/lib/read-models/query-options";

export const metadata: Metadata = { title: "Exposure" };

/**
 * What the portfolio is exposed to: per underlying, by venue, account, asset class and
 * sector, its concentration, and each derivative's distance to liquidation. Prefetched on the
 * server under GET /api/exposure's key, so a resync refreshes it with the overview.
 */
export default async function ExposurePage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/exposure");
  const { baseCurrency, timeZone } = viewer.workspace;
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: dashboardKeys.exposure(), queryFn: () => loadExposure(db, { ownerId, baseCurrency }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ExposureView timeZone={timeZone} />
    </HydrationBoundary>
  );
}
