import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime, formatMoney, formatPct } from "@/components/format";
import { LegsTable } from "@/components/rebalance/legs-table";
import { rebalanceMethod } from "@/components/rebalance/methods";
import { initialRows } from "@/components/rebalance/target-rows";
import { TargetsForm } from "@/components/rebalance/targets-form";
import { WeightsTable } from "@/components/rebalance/weights-table";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { listConnections } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { PORTFOLIO_PARAM, portfolioParamSchema, type PortfolioSelection } from "@/lib/portfolios/selection";
import { buildRebalancePreview } from "@/lib/rebalance/preview";

export const metadata: Metadata = { title: "Rebalance" };

const wholeWorkspaceLink = (
  <Link href="/rebalance" className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
    Show the whole workspace
  </Link>
);

async function selectionLabel(db: Parameters<typeof listConnections>[0], ownerId: string, s: PortfolioSelection): Promise<string> {
  if (s.kind === "workspace") return "the whole workspace";
  if (s.kind === "portfolio") return "this portfolio";
  const conn = (await listConnections(db, { ownerId })).find((c) => c.id === s.connectionId);
  return conn ? `connection ${conn.label}` : "this connection";
}

/**
 * Target weights per portfolio, current against target, the suggested trades per venue with
 * estimated fees, and dry-run DEX quotes for wallet legs. A preview: nothing is executed.
 * Rendered from lib/rebalance on the server; the selection is `?portfolio=` (the selector's
 * encoding), and targets are saved under it.
 */
export default async function RebalancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/rebalance");
  const { baseCurrency, timeZone, role } = viewer.workspace;
  const raw = (await searchParams)[PORTFOLIO_PARAM];
  const selection = portfolioParamSchema.safeParse(typeof raw === "string" ? raw : "all");
  if (!selection.success) {
    return (
      <Card title="Rebalance">
        <ErrorState title="This portfolio cannot be read" message={selection.error.issues[0]!.message} />
        {wholeWorkspaceLink}
      </Card>
    );
  }
  const data = await buildRebalancePreview(db, { ownerId, baseCurrency, selection: selection.data }).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  if (data === null) {
    return (
      <Card title="Rebalance">
        <ErrorState title="This portfolio is not in the workspace" message="The link names a connection or portfolio this workspace does not have." />
        {wholeWorkspaceLink}
      </Card>
    );
  }
  if (data.state === "empty") {
    return (
      <Card title="Rebalance">
        <EmptyState title="Nothing to rebalance yet" action={{ href: "/connections/new", label: "Add a connection" }}>
          Connect a venue to see current weights against your target weights: after its first sync, its balances are valued in {baseCurrency} and the trades that reach your
          targets are suggested here.
        </EmptyState>
      </Card>
    );
  }
  const label = await selectionLabel(db, ownerId, selection.data);
  const hasTargets = data.targets.length > 0;
  return (
    <div className="space-y-4">
      <Card title="Current against target">
        <div className="space-y-3">
          <p className="text-xs text-fg-subtle">
            Showing {label}. Balances valued in {baseCurrency} at the latest snapshot prices
            {data.asOf ? ` (${formatDateTime(data.asOf, timeZone)}, ${timeZone})` : ""}; total{" "}
            <span className="tabular-nums" title={rebalanceMethod("value")}>{formatMoney(data.totalValue, baseCurrency)}</span>.{" "}
            <strong>A preview only: nothing is ever executed.</strong>
          </p>
          {data.unpriced.length > 0 && (
            <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
              Excludes {data.unpriced.length} unpriced asset{data.unpriced.length === 1 ? "" : "s"} ({data.unpriced.join(", ")}): no price in {baseCurrency} in the latest snapshots.
            </p>
          )}
          {data.notValued.length > 0 && (
            <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
              Partial: {data.notValued.join(", ")} {data.notValued.length === 1 ? "has" : "have"} no snapshot in {baseCurrency} yet and {data.notValued.length === 1 ? "is" : "are"} left out.
            </p>
          )}
          {!hasTargets && <p className="text-sm text-fg-muted">No target weights saved for {label} yet: set them below to see the suggested trades.</p>}
          <WeightsTable data={data} />
        </div>
      </Card>

      <Card title="Target weights">
        <div className="space-y-3">
          <p className="text-xs text-fg-subtle">
            Each target is a share of the total value, and the set must sum to 100 %. The band is how far the current weight may drift from the target before a trade is
            suggested.
            {data.targetsUpdatedAt ? ` Last saved ${formatDateTime(data.targetsUpdatedAt, timeZone)}.` : ""}
          </p>
          <TargetsForm key={data.targetsUpdatedAt ?? "new"} portfolio={data.portfolio} initial={initialRows(data)} canEdit={hasRole(role, "member")} />
        </div>
      </Card>

      {hasTargets && (
        <Card
          title="Suggested trades"
          actions={
            <a href={`/api/rebalance/plan.csv?portfolio=${encodeURIComponent(data.portfolio)}`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300" download>
              Download the plan (CSV)
            </a>
          }
        >
          <div className="space-y-3">
            {data.legs.length === 0 ? (
              <p className="text-sm text-fg-muted">Every asset is within its band of its target: no trade is suggested.</p>
            ) : (
              <LegsTable data={data} />
            )}
            {data.unplaced.length > 0 && (
              <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
                No account of {label} can take a buy of {data.unplaced.join(", ")}: nothing is held there to trade from.
              </p>
            )}
            <ul className="list-disc space-y-1 pl-5 text-xs text-fg-subtle">
              {data.feeAssumptions.map((f) => (
                <li key={f.provider}>
                  Fee assumption ({f.provider}): {f.source} — {formatPct(f.rate)} of each leg&apos;s value.
                </li>
              ))}
              <li>Net cash the trades would need: {formatMoney(data.totals.netCashNeeded, baseCurrency, { signed: true })} (+ consumed, − released).</li>
            </ul>
          </div>
        </Card>
      )}
    </div>
  );
}
