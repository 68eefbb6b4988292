import type { Db } from "@/db/client";
import { listConnections } from "@/db/queries/connections";
import { listManualPortfolios, listSelectableAccounts, MANUAL_SOURCE } from "@/db/queries/portfolio-groups";
import { listPortfolios } from "@/db/queries/portfolios";
import { portfolioKey } from "@/lib/portfolios/selection";
import { WORKSPACE_LABEL } from "@/lib/portfolios/resolve";

export interface PortfolioOption {
  /** The URL value. */
  key: string;
  label: string;
}

export interface ManualGroupOption extends PortfolioOption {
  id: string;
  name: string;
  accountIds: string[];
}

export interface PortfolioOptions {
  workspace: PortfolioOption;
  connections: PortfolioOption[];
  funds: PortfolioOption[];
  groups: ManualGroupOption[];
  /** What a manual group may hold: every account of a live connection. */
  accounts: { id: string; label: string; connectionLabel: string }[];
}

/** Everything the selector lists, and what its group manager needs: the workspace's own only. */
export async function loadPortfolioOptions(db: Db, p: { ownerId: string }): Promise<PortfolioOptions> {
  const [conns, all, groups, accounts] = await Promise.all([
    listConnections(db, p),
    listPortfolios(db, p),
    listManualPortfolios(db, p),
    listSelectableAccounts(db, p),
  ]);
  const live = new Set(conns.map((c) => c.id));
  return {
    workspace: { key: "all", label: WORKSPACE_LABEL },
    connections: conns.map((c) => ({ key: portfolioKey({ kind: "connection", connectionId: c.id }), label: c.label })),
    // A fund whose connection was deleted is history: not selectable (its accounts are gone from every figure).
    funds: all
      .filter((f) => f.dataSource !== MANUAL_SOURCE && f.connectionId !== null && live.has(f.connectionId))
      .map((f) => ({ key: portfolioKey({ kind: "portfolio", portfolioId: f.id }), label: f.alias ? `${f.name} (${f.alias})` : f.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, key: portfolioKey({ kind: "portfolio", portfolioId: g.id }), label: g.name, accountIds: g.accountIds })),
    accounts: accounts.map((a) => ({ id: a.id, label: a.alias ? `${a.name} (${a.alias})` : a.name, connectionLabel: a.connectionLabel })),
  };
}
