import { z } from "zod";

/**
 * What the portfolio selector picks, as it travels in the URL (`?portfolio=`) and as the key
 * saved data (rebalance targets) is stored under. One encoding for every page, route, action
 * and bot command, so a link copied from one page selects the same thing on another:
 *
 * - `all` (or no parameter): the whole workspace;
 * - `connection:<uuid>`: every account of one connection;
 * - `portfolio:<uuid>`: one row of `portfolios` (a 1Token fund, or a manual group).
 *
 * Parsing only checks the shape. Whether the id exists in the viewer's workspace is the
 * resolver's job, which answers 404 for another workspace's id.
 */
export type PortfolioSelection =
  | { kind: "workspace" }
  | { kind: "connection"; connectionId: string }
  | { kind: "portfolio"; portfolioId: string };

export const PORTFOLIO_PARAM = "portfolio";
export const WORKSPACE_SELECTION: PortfolioSelection = { kind: "workspace" };

const uuid = z.uuid();

export const portfolioParamSchema = z
  .string()
  .trim()
  .transform((raw, ctx): PortfolioSelection => {
    if (raw === "" || raw === "all") return WORKSPACE_SELECTION;
    const [kind, id, ...rest] = raw.split(":");
    if (rest.length === 0 && id !== undefined && uuid.safeParse(id).success) {
      if (kind === "connection") return { kind: "connection", connectionId: id };
      if (kind === "portfolio") return { kind: "portfolio", portfolioId: id };
    }
    ctx.addIssue({
      code: "custom",
      message: 'portfolio must be "all", "connection:<uuid>" or "portfolio:<uuid>"',
    });
    return z.NEVER;
  });

/** The URL value and storage key of a selection; the inverse of `portfolioParamSchema`. */
export function portfolioKey(selection: PortfolioSelection): string {
  switch (selection.kind) {
    case "workspace":
      return "all";
    case "connection":
      return `connection:${selection.connectionId}`;
    case "portfolio":
      return `portfolio:${selection.portfolioId}`;
  }
}
