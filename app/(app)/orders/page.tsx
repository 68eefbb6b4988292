import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { parseTableState } from "@/components/data-table/url-state";
import { ExportForm } from "@/components/exports/export-form";
import { orderTableConfig } from "@/components/orders/order-table-config";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/states";
import { requirePageScope } from "@/lib/access/page";
import { loadOrderPage, parseOrderFilters } from "@/lib/read-models/order-data";
import { ORDER_EXPORT_FILTER_KEYS, recentDays } from "@/lib/exports/export-options";
import { orderKeys } from "@/lib/read-models/query-options";
import { filterErrorMessage, loadTradeFilterChoices } from "@/lib/read-models/trade-filters";
import { OrderList } from "./_components/order-list";

export const metadata: Metadata = { title: "Orders" };

/**
 * Every order of the workspace in its current state, newest placed first, keyset-paged,
 * filtered in the URL. A filter the URL asks for that is not allowed is an error naming the
 * field (as GET /api/orders answers it), never a list that looks unfiltered.
 */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/orders");
  const { timeZone } = viewer.workspace;
  const search = await searchParams;
  const filters = parseOrderFilters(search);
  if (!filters.success) {
    return (
      <Card title="Orders">
        <ErrorState title="These filters cannot be applied" message={filterErrorMessage(filters.error)} />
        <Link href="/orders" className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Show every order
        </Link>
      </Card>
    );
  }
  const choices = await loadTradeFilterChoices(db, { ownerId });
  const request = parseTableState(search, orderTableConfig(choices));
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: orderKeys.page(request), queryFn: () => loadOrderPage(db, { ownerId, timeZone, request, filters: filters.data }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Card title="Orders">
        <div className="space-y-3">
          <p className="text-xs text-fg-subtle">
            Each order&apos;s current state, as its venue last reported it; placed-at times in {timeZone}. Open one for its event timeline, its fills and whether its account&apos;s
            hash chain verifies.
          </p>
          <ExportForm
            targets={[
              { dataset: "orders", label: "Orders" },
              { dataset: "order-events", label: "Order events" },
            ]}
            defaultRange={recentDays(timeZone, new Date(), 30)}
            timeZone={timeZone}
            forward={ORDER_EXPORT_FILTER_KEYS}
          />
          <OrderList choices={choices} timeZone={timeZone} />
        </div>
      </Card>
    </HydrationBoundary>
  );
}
