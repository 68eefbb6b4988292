import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { accountCountsByConnection, connectionsOfAccounts, MANUAL_SOURCE, portfolioAccountIds } from "@/db/queries/portfolio-groups";
import { getPortfolio } from "@/db/queries/portfolios";
import { portfolioKey, portfolioParamSchema, PORTFOLIO_PARAM, WORKSPACE_SELECTION, type PortfolioSelection } from "./selection";

/**
 * What a selection stands for in the viewer's workspace. Pages and data routes filter by it:
 * `accountIds` is the set of accounts (null: the whole workspace, nothing filtered).
 *
 * Snapshots value a connection as a whole, so figures read from snapshots can only include
 * connections whose every account is selected (`connectionIds`); a connection only part of
 * which is selected is listed in `partialConnections`, and the page says it is left out of
 * those figures instead of counting the whole connection under the portfolio's name.
 */
export interface ResolvedPortfolio {
  selection: PortfolioSelection;
  /** The URL value (`?portfolio=`). */
  key: string;
  kind: "workspace" | "connection" | "fund" | "manual";
  label: string;
  accountIds: string[] | null;
  connectionIds: string[] | null;
  partialConnections: { id: string; label: string }[];
}

export const WORKSPACE_LABEL = "All of the workspace";

export const WHOLE_WORKSPACE: ResolvedPortfolio = {
  selection: WORKSPACE_SELECTION,
  key: "all",
  kind: "workspace",
  label: WORKSPACE_LABEL,
  accountIds: null,
  connectionIds: null,
  partialConnections: [],
};

/** Resolves a parsed selection; an unknown id, a deleted connection or another workspace's id is a NotFoundError (404). */
export async function resolvePortfolio(db: Db, p: { ownerId: string; selection: PortfolioSelection }): Promise<ResolvedPortfolio> {
  const { selection } = p;
  if (selection.kind === "workspace") return WHOLE_WORKSPACE;
  if (selection.kind === "connection") {
    const conn = await getConnection(db, { ownerId: p.ownerId, connectionId: selection.connectionId });
    const counts = await accountCountsByConnection(db, { ownerId: p.ownerId, connectionIds: [conn.id] });
    return {
      selection,
      key: portfolioKey(selection),
      kind: "connection",
      label: conn.label,
      accountIds: [...(counts.get(conn.id)?.accounts ?? [])].sort(),
      connectionIds: [conn.id],
      partialConnections: [],
    };
  }
  const row = await getPortfolio(db, { ownerId: p.ownerId, portfolioId: selection.portfolioId });
  const accountIds = await portfolioAccountIds(db, { ownerId: p.ownerId, portfolioId: row.id, dataSource: row.dataSource });
  const chosen = new Set(accountIds);
  const all = await accountCountsByConnection(db, { ownerId: p.ownerId, connectionIds: await connectionsOfAccounts(db, { ownerId: p.ownerId, accountIds }) });
  const connectionIds: string[] = [];
  const partialConnections: ResolvedPortfolio["partialConnections"] = [];
  for (const [id, c] of all) {
    if (c.accounts.every((a) => chosen.has(a))) connectionIds.push(id);
    else partialConnections.push({ id, label: c.label });
  }
  return {
    selection,
    key: portfolioKey(selection),
    kind: row.dataSource === MANUAL_SOURCE ? "manual" : "fund",
    label: row.alias ? `${row.name} (${row.alias})` : row.name,
    accountIds,
    connectionIds: connectionIds.sort(),
    partialConnections: partialConnections.sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** Thrown for a `?portfolio=` of the wrong shape: a 400 naming the parameter. */
export class PortfolioParamError extends Error {
  readonly field = PORTFOLIO_PARAM;
  constructor(message: string) {
    super(`${PORTFOLIO_PARAM}: ${message}`);
    this.name = "PortfolioParamError";
  }
}

/** Parses `?portfolio=` (absent: the whole workspace) and resolves it; a bad shape throws PortfolioParamError. */
export async function resolvePortfolioParam(db: Db, p: { ownerId: string; value: string | string[] | null | undefined }): Promise<ResolvedPortfolio> {
  const raw = Array.isArray(p.value) ? p.value[0] : p.value;
  if (raw === undefined || raw === null) return WHOLE_WORKSPACE;
  const parsed = portfolioParamSchema.safeParse(raw);
  if (!parsed.success) throw new PortfolioParamError(parsed.error.issues[0]?.message ?? "invalid");
  return resolvePortfolio(db, { ownerId: p.ownerId, selection: parsed.data });
}
