import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { StrategyPnlChart } from "@/components/charts/strategy-pnl-chart";
import { formatDateTime } from "@/components/format";
import { ReconciliationTable } from "@/components/strategies/reconciliation-table";
import { strategyPnlPoints } from "@/components/strategies/strategy-chart-points";
import { StrategyPositionsTable } from "@/components/strategies/strategy-positions-table";
import { StrategyTable } from "@/components/strategies/strategy-table";
import { NoTaggedOrders } from "@/components/strategies/no-tagged-orders";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { When } from "@/components/ui/when";
import { NotFoundError } from "@/db/queries/not-found";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { loadStrategies, parseStrategyFilters } from "@/lib/read-models/strategy-data";
import { filterErrorMessage } from "@/lib/read-models/trade-filters";
import { RunReconciliationButton } from "./_components/run-reconciliation-button";
import { PortfolioNote, PortfolioRefused } from "@/components/portfolios/portfolio-note";
import { pageSelection } from "@/lib/read-models/portfolio-scope";

export const metadata: Metadata = { title: "Strategies" };

const everyConnectionLink = (
  <Link href="/strategies" className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
    Show every connection
  </Link>
);

/**
 * Per strategy tag (from client order ids, docs/strategy-tags.md): its positions and PnL at
 * the newest reconciliation, its stored PnL points and its fills; per connection, the
 * reconciliation of the venue against the sum of the strategies, with a Run now for
 * members. `?connection=<id>` narrows to one connection. Read from the stored
 * reconciliations (lib/attribution), never recomputed here. With a portfolio selection
 * (?portfolio=): its whole connections' reconciliations and PnL, its accounts' fill counts.
 */
export default async function StrategiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/strategies");
  const { timeZone, role } = viewer.workspace;
  const search = await searchParams;
  const selected = await pageSelection(db, ownerId, search);
  if (!selected.ok) return <PortfolioRefused page="/strategies" title={selected.title} message={selected.message} />;
  const { portfolio } = selected;
  const filters = parseStrategyFilters(search);
  if (!filters.success) {
    return (
      <Card title="Strategies">
        <ErrorState title="This filter cannot be applied" message={filterErrorMessage(filters.error)} />
        {everyConnectionLink}
      </Card>
    );
  }
  const data = await loadStrategies(db, { ownerId, connectionId: filters.data.connection, portfolio }).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  if (data === null) {
    return (
      <Card title="Strategies">
        <ErrorState title="This connection is not in the workspace" message="The link names a connection this workspace does not have." />
        {everyConnectionLink}
      </Card>
    );
  }
  const note = <PortfolioNote label={portfolio.label} whole={portfolio.kind === "workspace"} notes={[data.portfolio?.notFiltered]} />;
  if (data.accounts.length === 0 && portfolio.kind !== "workspace") {
    return (
      <div className="space-y-4">
        {note}
        <Card title="Strategies">
          <EmptyState title="Nothing reconciled in this portfolio">
            Strategy positions and PnL are reconciled per connection: none of this portfolio&apos;s connections is wholly in it, or none has been reconciled yet.
          </EmptyState>
        </Card>
      </div>
    );
  }
  if (data.accounts.length === 0) {
    return (
      <Card title="Strategies">
        <EmptyState title="No strategies yet" action={{ href: "/connections/new", label: "Add a connection" }}>
          Connect a venue with tagged orders to see strategies: each order&apos;s client order id names its strategy, and its fills, positions and PnL are attributed to
          it after the first sync and reconciliation.
        </EmptyState>
      </Card>
    );
  }
  const canRun = hasRole(role, "member");
  const tagged = data.strategies.filter((s) => !s.untagged);
  return (
    <div className="space-y-4">
      {note}
      <Card title="Strategies">
        <div className="space-y-3">
          <p className="text-xs text-fg-subtle">
            Strategies are read from the client order ids of the orders that made each fill. Positions and PnL are those of each connection&apos;s newest reconciliation
            (hourly, or Run now below); &ldquo;untagged&rdquo; holds what no tag explains, the residual. Times in {timeZone}.
          </p>
          {tagged.length === 0 && <NoTaggedOrders />}
          <StrategyTable data={data} timeZone={timeZone} />
        </div>
      </Card>

      <Card title="Positions by strategy">
        <StrategyPositionsTable data={data} />
      </Card>

      {data.accounts
        .filter((a) => a.reconciliation !== null)
        .map((a) => {
          const chart = strategyPnlPoints(tagged, a.connectionId);
          return (
            <Card key={a.connectionId} title={`PnL over time · ${a.label}`}>
              <div className="space-y-2">
                <p className="text-xs text-fg-subtle" title={data.methods.series}>
                  Each strategy&apos;s PnL (realised + unrealised) in {a.reconciliation!.baseCurrency}, one stored point per reconciliation since{" "}
                  {formatDateTime(data.seriesFrom, timeZone)}. Not an equity curve: a strategy holds no cash of its own.
                </p>
                {chart.points.length === 0 ? (
                  <p className="text-sm text-fg-muted">No strategy point is stored for this connection yet.</p>
                ) : (
                  <StrategyPnlChart points={chart.points} strategies={chart.strategies} currency={a.reconciliation!.baseCurrency} timeZone={timeZone} />
                )}
              </div>
            </Card>
          );
        })}

      <Card title="Reconciliation" actions={canRun ? <RunReconciliationButton /> : undefined}>
        <div className="space-y-6">
          <p className="text-xs text-fg-subtle" title={data.methods.residual}>
            Per account, the venue&apos;s position against the sum of the strategies&apos;, per asset or symbol. The residual is the venue less the strategies: what no tagged
            fill explains. {canRun ? "Run now reconciles every connection's newest snapshot again with the fills stored now." : "Members and above can run it now."}
          </p>
          {data.accounts.map((a) => (
            <section key={a.connectionId} className="space-y-3" aria-labelledby={`reconciliation-${a.connectionId}`}>
              <h3 id={`reconciliation-${a.connectionId}`} className="text-sm font-semibold text-fg">
                {a.label}
              </h3>
              <p className="text-sm text-fg-muted" data-testid="last-reconciliation">
                {a.reconciliation ? (
                  <>
                    Last reconciliation <When iso={a.reconciliation.reconciledAt} timeZone={timeZone} absolute />, of the snapshot taken{" "}
                    <time dateTime={a.reconciliation.capturedAt}>{formatDateTime(a.reconciliation.capturedAt, timeZone)}</time>, over{" "}
                    {a.reconciliation.fillsUsed.toLocaleString("en-US")} fills.
                  </>
                ) : (
                  "Never reconciled."
                )}
              </p>
              <ReconciliationTable account={a} methods={data.methods} />
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}
