import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DepartmentFilter } from "@/components/funds/department-filter";
import { FundTable } from "@/components/funds/fund-table";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { NotFoundError } from "@/db/queries/not-found";
import { requirePageScope } from "@/lib/access/page";
import { loadFundList, parseFundFilters } from "@/lib/read-models/fund-data";
import { filterErrorMessage } from "@/lib/read-models/trade-filters";
import { PortfolioNote, PortfolioRefused } from "@/components/portfolios/portfolio-note";
import { pageSelection } from "@/lib/read-models/portfolio-scope";

export const metadata: Metadata = { title: "Funds" };

const allFundsLink = (
  <Link href="/funds" className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
    Show every fund
  </Link>
);

/**
 * The workspace's 1Token funds (portfolios with data source "1token") and what their last
 * valuation says, filtered by department in the URL (`?department=<id>`). Rendered from the
 * read model on the server: the page is a table and a few links, nothing to poll. With a
 * portfolio selection (?portfolio=): the fund selected, a connection's funds, or the funds
 * a manual group's accounts are in.
 */
export default async function FundsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/funds");
  const { timeZone } = viewer.workspace;
  const search = await searchParams;
  const selected = await pageSelection(db, ownerId, search);
  if (!selected.ok) return <PortfolioRefused page="/funds" title={selected.title} message={selected.message} />;
  const { portfolio } = selected;
  const whole = portfolio.kind === "workspace";
  const filters = parseFundFilters(search);
  if (!filters.success) {
    return (
      <Card title="Funds">
        <ErrorState title="This filter cannot be applied" message={filterErrorMessage(filters.error)} />
        {allFundsLink}
      </Card>
    );
  }
  const departmentId = filters.data.department;
  const data = await loadFundList(db, { ownerId, departmentId, portfolio }).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  if (data === null) {
    return (
      <Card title="Funds">
        <ErrorState title="This department is not in the workspace" message="The link names a department this workspace does not have." />
        {allFundsLink}
      </Card>
    );
  }
  if (data.funds.length === 0 && departmentId === undefined && whole) {
    return (
      <Card title="Funds">
        <EmptyState title="No funds yet" action={{ href: "/connections/new", label: "Connect a 1Token account" }}>
          Connect a 1Token account to see its funds: each fund&apos;s NAV per unit, net assets, gross and net returns and trading accounts appear after its
          first sync.
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Funds">
      <div className="space-y-4">
        <PortfolioNote label={portfolio.label} whole={whole} notes={[data.portfolio?.notFiltered]} />
        <p className="text-xs text-fg-subtle">
          The funds 1Token lists for this workspace&apos;s 1Token connections, with the figures of each fund&apos;s last valuation. Open a fund for its NAV
          history and trading accounts.
        </p>
        <DepartmentFilter departments={data.departments} selected={data.department} />
        {data.funds.length === 0 ? (
          <EmptyState title={whole ? "No fund in this department" : `No 1Token fund in ${portfolio.label}${departmentId ? " and this department" : ""}`} action={{ href: "/funds", label: "Show every fund" }} />
        ) : (
          <FundTable data={data} timeZone={timeZone} />
        )}
      </div>
    </Card>
  );
}
