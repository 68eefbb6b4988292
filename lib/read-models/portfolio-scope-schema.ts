import { z } from "zod";

/** What each document of a page the portfolio selector filters says about the selection (lib/read-models/portfolio-scope.ts). */
export const portfolioScopeSchema = z.object({
  /** The URL value: all | connection:<uuid> | portfolio:<uuid>. */
  key: z.string(),
  label: z.string(),
  kind: z.enum(["workspace", "connection", "fund", "manual"]),
  /** Connections of which only some accounts are selected: figures read from snapshots leave them out. */
  partialConnections: z.array(z.string()),
  /** What this document shows for the whole workspace, or leaves out, despite the selection; null: nothing. */
  notFiltered: z.string().nullable(),
});
export type PortfolioScopeView = z.infer<typeof portfolioScopeSchema>;

