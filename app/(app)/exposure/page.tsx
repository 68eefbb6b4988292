import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { ExposureView } from "@/components/exposure/exposure-view";
import { requirePageScope } from "@/lib/access/page";
import { loadExposure } from "@/lib/read-models/exposure-data";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { PortfolioNote, PortfolioRefused } from "@/components/portfolios/portfolio-note";
import { exposureEquityNote, pageSelection } from "@/lib/read-models/portfolio-scope";

export const metadata: Metadata = { title: "Exposure" };

/**
 * What the portfolio is exposed to: per underlying, by venue, account, asset class and
 * sector, its concentration, and each derivative's distance to liquidation. Prefetched on the
 * server under GET /api/exposure's key, so a resync refreshes it with the overview. For one
 * connection or portfolio (?portfolio=): the holdings of its accounts exactly.
 */
export default async function ExposurePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/exposure");
  const selected = await pageSelection(db, ownerId, await searchParams);
  if (!selected.ok) return <PortfolioRefused page="/exposure" title={selected.title} message={selected.message} />;
  const { portfolio } = selected;
  const { baseCurrency, timeZone } = viewer.workspace;
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: dashboardKeys.exposure(portfolio.key), queryFn: () => loadExposure(db, { ownerId, baseCurrency, portfolio }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <PortfolioNote label={portfolio.label} whole={portfolio.kind === "workspace"} notes={[exposureEquityNote(portfolio)]} />
        <ExposureView timeZone={timeZone} />
      </div>
    </HydrationBoundary>
  );
}
