import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { parseTableState } from "@/components/data-table/url-state";
import { ExportForm } from "@/components/exports/export-form";
import { fillTableConfig } from "@/components/fills/fill-table-config";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/states";
import { requirePageScope } from "@/lib/access/page";
import { ORDER_EXPORT_FILTER_KEYS, recentDays } from "@/lib/exports/export-options";
import { loadFillPage, parseFillFilters } from "@/lib/read-models/fill-data";
import { fillKeys } from "@/lib/read-models/query-options";
import { filterErrorMessage, loadTradeFilterChoices } from "@/lib/read-models/trade-filters";
import { FillList } from "./_components/fill-list";

export const metadata: Metadata = { title: "Fills" };

/**
 * Every fill of the workspace, newest executed first, keyset-paged, filtered in the URL with
 * the filters /orders has (but status), and the totals of the whole filtered set. A filter
 * the URL asks for that is not allowed is an error naming the field (as GET /api/fills
 * answers it), never a list that looks unfiltered.
 */
export default async function FillsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/fills");
  const { timeZone } = viewer.workspace;
  const search = await searchParams;
  const filters = parseFillFilters(search);
  if (!filters.success) {
    return (
      <Card title="Fills">
        <ErrorState title="These filters cannot be applied" message={filterErrorMessage(filters.error)} />
        <Link href="/fills" className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Show every fill
        </Link>
      </Card>
    );
  }
  const choices = await loadTradeFilterChoices(db, { ownerId });
  const request = parseTableState(search, fillTableConfig(choices));
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: fillKeys.page(request), queryFn: () => loadFillPage(db, { ownerId, timeZone, request, filters: filters.data }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Card title="Fills">
        <div className="space-y-3">
          <p className="text-xs text-fg-subtle">
            Each execution as its venue reported it; executed-at times in {timeZone}. A fill links to its order when the order is recorded. Fills are append-only: a sync adds them,
            nothing edits them.
          </p>
          {/* Fills have no status: the export would refuse one, so the form never forwards it. */}
          <ExportForm
            targets={[{ dataset: "fills", label: "Fills" }]}
            defaultRange={recentDays(timeZone, new Date(), 30)}
            timeZone={timeZone}
            forward={ORDER_EXPORT_FILTER_KEYS.filter((k) => k !== "status")}
          />
          <FillList choices={choices} timeZone={timeZone} />
        </div>
      </Card>
    </HydrationBoundary>
  );
}
