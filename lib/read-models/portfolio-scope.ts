import type { Db } from "@/db/client";
import { PORTFOLIO_PARAM } from "@/lib/portfolios/selection";
import { NotFoundError } from "@/db/queries/not-found";
import { PortfolioParamError, resolvePortfolioParam, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import type { PortfolioScopeView } from "./portfolio-scope-schema";

// The portfolio selector as the read models and routes see it: `?portfolio=` resolved in the
// viewer's workspace (a bad shape is a 400 naming `portfolio`, another workspace's id a 404:
// respond.ts's `failure`), and the few words each document carries about it, so a page can
// say which portfolio it shows and what it could not split.

/** Snapshots value a connection as a whole: the words for a selection that splits one. */
export function partialNote(r: ResolvedPortfolio): string | null {
  if (r.partialConnections.length === 0) return null;
  const names = r.partialConnections.map((c) => c.label).join(", ");
  return `Equity and the figures from snapshots leave out ${names}: only some accounts of it are in ${r.label}, and a snapshot values a connection as a whole`;
}

export function scopeView(r: ResolvedPortfolio, notFiltered: string | null = partialNote(r)): PortfolioScopeView {
  return { key: r.key, label: r.label, kind: r.kind, partialConnections: r.partialConnections.map((c) => c.label), notFiltered };
}

/** The selection a route's request names (absent: the whole workspace). */
export function routePortfolio(db: Db, ownerId: string, request: Request): Promise<ResolvedPortfolio> {
  return resolvePortfolioParam(db, { ownerId, value: new URL(request.url).searchParams.get(PORTFOLIO_PARAM) });
}

/** The selection a page's search params name. */
export function pagePortfolio(db: Db, ownerId: string, search: Record<string, string | string[] | undefined>): Promise<ResolvedPortfolio> {
  return resolvePortfolioParam(db, { ownerId, value: search[PORTFOLIO_PARAM] });
}

/**
 * The equity roll-ups (equity_rollups) are kept for the whole workspace only: a selection's
 * equity chart, periods to date and performance card are measured on its daily closes
 * (selection-series.ts), and the equity series export stays the workspace's. What the
 * overview says about it.
 */
export const EQUITY_HISTORY_NOT_SPLIT =
  "The equity chart, period PnL and the performance card are measured on its end-of-day closes (one point a day; today from the latest snapshots): the workspace's finer roll-ups and the equity series export are kept for the whole workspace only";

/** A page's selection, or why it cannot be shown (a bad shape, or an id not in the workspace). */
export type PageSelection = { ok: true; portfolio: ResolvedPortfolio } | { ok: false; title: string; message: string };

export async function pageSelection(db: Db, ownerId: string, search: Record<string, string | string[] | undefined>): Promise<PageSelection> {
  try {
    return { ok: true, portfolio: await pagePortfolio(db, ownerId, search) };
  } catch (e) {
    if (e instanceof NotFoundError) {
      return { ok: false, title: "This portfolio is not in the workspace", message: "The link names a connection or portfolio this workspace does not have." };
    }
    if (e instanceof PortfolioParamError) return { ok: false, title: "This portfolio cannot be selected", message: e.message };
    throw e;
  }
}

/** /exposure's words when equity (a snapshot's, per connection) cannot be the selection's. */
export function exposureEquityNote(r: ResolvedPortfolio): string | null {
  if (r.partialConnections.length === 0) return null;
  const names = r.partialConnections.map((c) => c.label).join(", ");
  return `Equity, weights and leverage are not shown: only some accounts of ${names} are in ${r.label}, and equity is measured per connection; long, short, net and gross are the selected accounts' own`;
}
