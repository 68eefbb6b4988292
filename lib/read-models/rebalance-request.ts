import { z } from "zod";
import { portfolioParamSchema } from "@/lib/portfolios/selection";

/** The query of GET /api/rebalance and its CSV: `?portfolio=` (the selector's value) and `?quotes=1` for dry-run DEX quotes. */
export const rebalanceQuerySchema = z.object({
  portfolio: z.string().default("all").pipe(portfolioParamSchema),
  quotes: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
});

export function parseRebalanceQuery(params: URLSearchParams) {
  return rebalanceQuerySchema.safeParse({ portfolio: params.get("portfolio") ?? undefined, quotes: params.get("quotes") ?? undefined });
}
