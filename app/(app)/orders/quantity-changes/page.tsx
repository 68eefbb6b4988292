import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { parseTableState } from "@/components/data-table/url-state";
import { QUANTITY_CHANGE_TABLE } from "@/components/orders/quantity-change-table";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { requirePageScope } from "@/lib/access/page";
import { loadOrderSymbols, loadQuantityChanges, parseQuantityChangeQuery } from "@/lib/read-models/quantity-change-data";
import { quantityChangeKeys } from "@/lib/read-models/query-options";
import { filterErrorMessage } from "@/lib/read-models/trade-filters";
import { QuantityChangeList } from "./_components/quantity-change-list";
import { SymbolPicker } from "./_components/symbol-picker";

export const metadata: Metadata = { title: "Quantity changes" };

const back = (
  <Link href="/orders" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
    ← Orders
  </Link>
);

/**
 * Every QUANTITY_ADDED and QUANTITY_REMOVED event of one symbol across the workspace's
 * accounts, in time order (the old seed's quantity-changes/:symbol). The symbol is a search
 * parameter (`?symbol=BTC%2FUSDT%3AUSDT`): symbols hold "/" and ":", which a path segment
 * would have to carry encoded through every proxy.
 */
export default async function QuantityChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/orders/quantity-changes");
  const { timeZone } = viewer.workspace;
  const search = await searchParams;
  const symbols = await loadOrderSymbols(db, { ownerId });
  const asked = typeof search.symbol === "string" && search.symbol !== "";
  const query = parseQuantityChangeQuery(search);
  const current = query.success ? query.data.symbol : null;
  const picker = <SymbolPicker symbols={current && !symbols.includes(current) ? [current, ...symbols] : symbols} current={current} />;

  if (!query.success) {
    return (
      <div className="space-y-4">
        {back}
        <Card title="Quantity changes by symbol">
          <div className="space-y-3">
            {picker}
            {asked ? (
              <ErrorState title="This symbol cannot be read" message={filterErrorMessage(query.error)} />
            ) : symbols.length === 0 ? (
              <EmptyState title="No orders yet" action={{ href: "/connections/new", label: "Add a connection" }}>
                Quantity changes are recorded when a sync sees an order amended; there are no orders to amend yet.
              </EmptyState>
            ) : (
              <EmptyState title="Choose a symbol">Every order amendment of that symbol, across all the accounts of the workspace, in time order.</EmptyState>
            )}
          </div>
        </Card>
      </div>
    );
  }

  const request = parseTableState(search, QUANTITY_CHANGE_TABLE);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: quantityChangeKeys.page(current!, request), queryFn: () => loadQuantityChanges(db, { ownerId, symbol: current!, request }) });
  return (
    <div className="space-y-4">
      {back}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Card title={`Quantity changes · ${current}`}>
          <div className="space-y-3">
            {picker}
            <p className="text-xs text-fg-subtle">
              Every quantity added to or removed from an order of {current}, in every account, oldest first (by the venue&apos;s time, then the order recorded); times in{" "}
              {timeZone}. Each is an event of its account&apos;s hash chain.
            </p>
            <QuantityChangeList symbol={current!} timeZone={timeZone} />
          </div>
        </Card>
      </HydrationBoundary>
    </div>
  );
}
